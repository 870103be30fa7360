#!/usr/bin/env Rscript
# maftools' oncoplot gene choice and row order, re-stated with data.table (maftools itself is a
# Bioconductor package, not in Debian): reads a MAF written by `biomarkit convert --to maf` and
# prints JSON with the top-N genes as maftools picks them (summarizeMaf: MutatedSamples desc, total
# desc, ties in data.table's keyed merge order = Hugo_Symbol in C locale), the drawn row order
# (createOncoMatrix: altered samples desc, stable from dcast's C-locale rows) and the title counts
# (oncoplot: samples altered in the shown genes, of all samples with a counted variant).
# Usage: Rscript scripts/r/oncoplot-top-genes.R file.maf 20 > out.json
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
top <- as.integer(args[2])
invisible(Sys.setlocale("LC_COLLATE", "C"))
maf <- fread(args[1], skip = "Hugo_Symbol", colClasses = "character")
nonsyn <- c("Frame_Shift_Del", "Frame_Shift_Ins", "Splice_Site", "Translation_Start_Site",
            "Nonsense_Mutation", "Nonstop_Mutation", "In_Frame_Del", "In_Frame_Ins", "Missense_Mutation")
# read.maf: duplicated variants (sample, chromosome, start, ref, alt) are removed first.
maf <- maf[!duplicated(maf[, .(Tumor_Sample_Barcode, Chromosome, Start_Position, Reference_Allele, Tumor_Seq_Allele2)])]
maf <- maf[Variant_Classification %in% nonsyn]
total <- maf[, .(total = .N), by = Hugo_Symbol]
mutated <- maf[, .(MutatedSamples = uniqueN(Tumor_Sample_Barcode)), by = Hugo_Symbol]
gs <- merge(total, mutated, by = "Hugo_Symbol")[order(MutatedSamples, total, decreasing = TRUE)]
genes <- gs[seq_len(min(top, nrow(gs))), Hugo_Symbol]
sub <- maf[Hugo_Symbol %in% genes]
rows <- sub[, .(n = uniqueN(Tumor_Sample_Barcode)), by = Hugo_Symbol][order(Hugo_Symbol)]
rows <- rows[order(n, decreasing = TRUE)]
q <- function(x) paste0('"', x, '"', collapse = ", ")
cat(sprintf('{\n  "R": "%s",\n  "data.table": "%s",\n  "top": %d,\n  "selected": [%s],\n  "rows": [%s],\n  "altered": %d,\n  "samples": %d\n}\n',
            R.version.string, as.character(packageVersion("data.table")), top, q(sort(genes, method = "radix")), q(rows$Hugo_Symbol),
            uniqueN(sub$Tumor_Sample_Barcode), uniqueN(maf$Tumor_Sample_Barcode)))

#!/usr/bin/env Rscript
# The counts maftools' plotmafSummary draws, restated with data.table (maftools is a Bioconductor
# package, not in Debian): after read.maf's duplicate removal and its nine non-synonymous classes,
# events by Variant_Classification and Variant_Type, SNPs by base change with a change and its
# reverse complement as one class (titv: G>A is C>T), and the median of events per sample (over
# samples with a counted event, as maftools' sample summary).
# Usage: Rscript scripts/r/maf-summary.R file.maf[.gz] > out.json
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
src <- if (grepl("[.]gz$", args[1])) paste("gzip -dc", shQuote(args[1])) else args[1]
maf <- fread(cmd = if (grepl("[.]gz$", args[1])) src else NULL, file = if (grepl("[.]gz$", args[1])) NULL else src, skip = "Hugo_Symbol", colClasses = "character")
nonsyn <- c("Frame_Shift_Del", "Frame_Shift_Ins", "Splice_Site", "Translation_Start_Site",
            "Nonsense_Mutation", "Nonstop_Mutation", "In_Frame_Del", "In_Frame_Ins", "Missense_Mutation")
maf <- maf[!duplicated(maf[, .(Tumor_Sample_Barcode, Chromosome, Start_Position, Reference_Allele, Tumor_Seq_Allele2)])]
maf <- maf[Variant_Classification %in% nonsyn]
comp <- c(A = "T", C = "G", G = "C", T = "A")
snp <- maf[Variant_Type == "SNP" & Reference_Allele %in% names(comp) & Tumor_Seq_Allele2 %in% names(comp)]
snp[, change := ifelse(Reference_Allele %in% c("C", "T"), paste0(Reference_Allele, ">", Tumor_Seq_Allele2),
                       paste0(comp[Reference_Allele], ">", comp[Tumor_Seq_Allele2]))]
obj <- function(dt, key) paste0("{", paste0('"', dt[[key]], '": ', dt$N, collapse = ", "), "}")
cls <- maf[, .N, by = Variant_Classification][order(Variant_Classification)]
typ <- maf[, .N, by = Variant_Type][order(Variant_Type)]
chg <- snp[, .N, by = change][order(change)]
per <- maf[, .N, by = Tumor_Sample_Barcode]
cat(sprintf('{\n  "R": "%s",\n  "data.table": "%s",\n  "classes": %s,\n  "types": %s,\n  "snv": %s,\n  "events": %d,\n  "median_per_mutated_sample": %s\n}\n',
            R.version.string, as.character(packageVersion("data.table")), obj(cls, "Variant_Classification"), obj(typ, "Variant_Type"),
            obj(chg, "change"), nrow(maf), format(median(per$N))))

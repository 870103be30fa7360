# Reference values for `biomarkit scan --endpoint FAB_classification` on maftools' TCGA LAML example.
#   Rscript scripts/r/clinical-enrichment.R [path/to/tcga_laml.maf.gz] [path/to/tcga_laml_annot.tsv]
# Writes test/fixtures/scan/laml-fab-reference.tsv.
#
# It rebuilds maftools' clinicalEnrichment() tables with base R only (maftools is not in Debian):
# genes with AlteredSamples > 5 over the nine non-synonymous classes, each FAB level vs the rest
# (fisher.test on Mutant/WT x level/Other), and each pair of levels (pairwise, raw p).
# Two versions of "rest": maftools' (the sample whose FAB is NA counted in "Other") and biomarkit's
# (that sample excluded). Pairwise comparisons exclude NA in both.
args <- commandArgs(trailingOnly = TRUE)
maf_path <- if (length(args) >= 1) args[1] else "test/fixtures/maf/tcga_laml.maf.gz"
clin_path <- if (length(args) >= 2) args[2] else "../shared/data/maftools/tcga_laml_annot.tsv"
maf <- read.delim(gzfile(maf_path), stringsAsFactors = FALSE, comment.char = "#", quote = "")
nine <- c("Frame_Shift_Del", "Frame_Shift_Ins", "Splice_Site", "Translation_Start_Site", "Nonsense_Mutation",
          "Nonstop_Mutation", "In_Frame_Del", "In_Frame_Ins", "Missense_Mutation")
ns <- maf[maf$Variant_Classification %in% nine, ]
samples <- sort(unique(maf$Tumor_Sample_Barcode))
altered <- tapply(ns$Tumor_Sample_Barcode, ns$Hugo_Symbol, function(x) length(unique(x)))
genes <- sort(names(altered)[altered > 5])
clin <- read.delim(clin_path, stringsAsFactors = FALSE, na.strings = c("NA"))
clin <- clin[clin$Tumor_Sample_Barcode %in% samples, ]
cf <- as.character(clin$FAB_classification)
levels_ <- sort(unique(cf[!is.na(cf)]))
out <- data.frame()
for (g in genes) {
  mut <- clin$Tumor_Sample_Barcode %in% unique(ns$Tumor_Sample_Barcode[ns$Hugo_Symbol == g])
  for (y in levels_) {
    # maftools: NA is "Other"
    inY <- !is.na(cf) & cf == y
    tm <- matrix(c(sum(mut & inY), sum(!mut & inY), sum(mut & !inY), sum(!mut & !inY)), 2)
    # biomarkit: NA excluded
    keep <- !is.na(cf)
    tb <- matrix(c(sum(mut & inY & keep), sum(!mut & inY & keep), sum(mut & !inY & keep), sum(!mut & !inY & keep)), 2)
    fm <- fisher.test(tm); fb <- fisher.test(tb)
    out <- rbind(out, data.frame(gene = g, comparison = paste(y, "vs rest"), a = tb[1, 1], b = tb[1, 2], c = tb[2, 1], d = tb[2, 2],
      p = fb$p.value, or = unname(fb$estimate), lower = fb$conf.int[1], upper = fb$conf.int[2],
      p_maftools = fm$p.value, na_in_rest_mutant = sum(mut & is.na(cf))))
  }
  for (i in seq_along(levels_)) for (j in seq_along(levels_)) if (i < j) {
    yi <- levels_[i]; yj <- levels_[j]
    sel <- !is.na(cf) & cf %in% c(yi, yj)
    t2 <- matrix(c(sum(mut & sel & cf == yi), sum(!mut & sel & cf == yi), sum(mut & sel & cf == yj), sum(!mut & sel & cf == yj)), 2)
    if (min(rowSums(t2)) * min(colSums(t2)) > 0) {
      f2 <- fisher.test(t2)
      out <- rbind(out, data.frame(gene = g, comparison = paste(yi, "vs", yj), a = t2[1, 1], b = t2[1, 2], c = t2[2, 1], d = t2[2, 2],
        p = f2$p.value, or = unname(f2$estimate), lower = f2$conf.int[1], upper = f2$conf.int[2], p_maftools = f2$p.value, na_in_rest_mutant = NA))
    }
  }
}
num <- sapply(out, is.numeric)
out[num] <- lapply(out[num], function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x)))
dir.create("test/fixtures/scan", showWarnings = FALSE, recursive = TRUE)
con <- file("test/fixtures/scan/laml-fab-reference.tsv", "w")
writeLines(paste0("# ", R.version.string, "; made by scripts/r/clinical-enrichment.R"), con)
write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE)
close(con)

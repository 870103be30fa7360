# Reference for `biomarkit scan --endpoint orr --strata Cohort` on Riaz 2017 (nivolumab;
# ../shared/data/riaz2017-nivolumab, files used as published): per gene, the exact conditional test of
# a common odds ratio of response (CR/PR vs SD/PD; NE left out) between altered and wild-type patients,
# stratified by treatment cohort (NIV3-NAIVE, NIV3-PROG): R mantelhaen.test(exact = TRUE) on the
# 2 x 2 x 2 table altered (1, 0) x responder (1, 0) x Cohort. Beside Fisher's unstratified test.
# Altered = the patient has a row for the gene in pre_therapy_nonsynonmous_mutations.csv.gz (every row
# there is non-synonymous); the sample universe = the 68 patients with any row there.
# R solves the estimate and bounds with uniroot's default tolerance (~1e-4 on the OR); the tight_*
# values solve the same equations on R's own null distribution (stats:::C_d2x2xk) to 1e-14 in log(OR),
# as scripts/r/stats-reference.R does for test/fixtures/stats/mantel-haenszel-exact.json.
#   Rscript scripts/r/riaz-orr-strata.R [data-dir]   (from the repository root; base R only)
args <- commandArgs(trailingOnly = TRUE)
d <- if (length(args) > 0) args[1] else "../shared/data/riaz2017-nivolumab"
clin <- read.csv(file.path(d, "bms038_clinical_data.csv"), stringsAsFactors = FALSE)
mut <- read.csv(gzfile(file.path(d, "pre_therapy_nonsynonmous_mutations.csv.gz")), stringsAsFactors = FALSE, check.names = FALSE)
universe <- sort(unique(mut$Patient))
seq <- clin[clin$PatientID %in% universe & clin$BOR %in% c("CR", "PR", "SD", "PD"), ]
seq$resp <- as.integer(seq$BOR %in% c("CR", "PR"))
source("scripts/r/mh-tight.R")
out <- data.frame()
add <- function(gene, quantity, value) out <<- rbind(out, data.frame(gene = gene, quantity = quantity, value = value))
add("all", "tested", nrow(seq))
for (cohort in sort(unique(seq$Cohort))) add("all", paste0("n_", cohort), sum(seq$Cohort == cohort))
for (gene in c("BRAF", "NF1", "NRAS", "TTN", "MUC16", "CSMD1")) {
  seq$altered <- as.integer(seq$PatientID %in% mut$Patient[mut[["Hugo Symbol"]] == gene])
  x <- table(factor(seq$altered, levels = c(1, 0)), factor(seq$resp, levels = c(1, 0)), seq$Cohort)
  r <- mantelhaen.test(x, exact = TRUE)
  tight <- mh_tight(x)
  add(gene, "n_altered", sum(seq$altered))
  add(gene, "fisher_p", fisher.test(table(factor(seq$altered, levels = c(1, 0)), factor(seq$resp, levels = c(1, 0))))$p.value)
  add(gene, "mh_p", r$p.value)
  add(gene, "mh_or", unname(r$estimate))
  add(gene, "mh_or_lower", r$conf.int[1])
  add(gene, "mh_or_upper", r$conf.int[2])
  add(gene, "tight_mh_or", unname(tight["mle"]))
  add(gene, "tight_mh_or_lower", unname(tight["lower"]))
  add(gene, "tight_mh_or_upper", unname(tight["upper"]))
}
out$value <- ifelse(is.na(out$value), "NA", ifelse(is.infinite(out$value), "Inf", sprintf("%.17g", out$value)))
con <- file("test/fixtures/scan/riaz-orr-strata-reference.tsv", "w")
writeLines(paste0("# ", R.version.string, "; made by scripts/r/riaz-orr-strata.R from riaz2017-nivolumab (values derived, no data copied)"), con)
write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE)
close(con)

# Reference for `biomarkit scan --endpoint 'OS~OS_SOR' --event-value 0 --time-unit days` on Riaz 2017
# (nivolumab; ../shared/data/riaz2017-nivolumab, files used as published). OS_SOR codes 0 = death,
# 1 = censored (the issue this answers: read as 1 = event it gives 31 "deaths" and a false NF1 finding).
# Altered = the patient has a row for the gene in pre_therapy_nonsynonmous_mutations.csv.gz (every
# row there is non-synonymous); the sample universe = the 68 patients with any row there.
# KM medians with conf.type "log" (R's default, biomarkit's too), in days and in months (days / 30.4375),
# as print.survfit reports them (summary(fit)$table). NB quantile.survfit differs here: NF1's altered
# curve sits at exactly 0.5 from day 499 to the last (censored) time, and quantile() returns the
# midpoint 824 while print.survfit says 499; biomarkit follows print.survfit.
#   Rscript scripts/r/riaz-os.R [data-dir]   (from the repository root; needs r-cran-survival)
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- if (length(args) > 0) args[1] else "../shared/data/riaz2017-nivolumab"
clin <- read.csv(file.path(d, "bms038_clinical_data.csv"), stringsAsFactors = FALSE)
mut <- read.csv(gzfile(file.path(d, "pre_therapy_nonsynonmous_mutations.csv.gz")), stringsAsFactors = FALSE, check.names = FALSE)
universe <- sort(unique(mut$Patient))
seq <- clin[clin$PatientID %in% universe, ]
seq$death <- as.integer(seq$OS_SOR == 0)
out <- data.frame()
add <- function(gene, quantity, value) out <<- rbind(out, data.frame(gene = gene, quantity = quantity, value = value))
add("all", "tested", nrow(seq))
add("all", "deaths", sum(seq$death))
for (gene in c("NF1", "BRAF")) {
  seq$altered <- as.integer(seq$PatientID %in% mut$Patient[mut[["Hugo Symbol"]] == gene])
  add(gene, "n_altered", sum(seq$altered))
  add(gene, "events_altered", sum(seq$death[seq$altered == 1]))
  add(gene, "events_wildtype", sum(seq$death[seq$altered == 0]))
  for (unit in c("days", "months")) {
    seq$t <- if (unit == "days") seq$OS else seq$OS / 30.4375
    tab <- summary(survfit(Surv(t, death) ~ altered, data = seq, conf.type = "log"))$table
    for (g in 1:2) {
      grp <- c("wildtype", "altered")[g]
      add(gene, paste0("median_", grp, "_", unit), unname(tab[g, "median"]))
      add(gene, paste0("median_", grp, "_lower_", unit), unname(tab[g, "0.95LCL"]))
      add(gene, paste0("median_", grp, "_upper_", unit), unname(tab[g, "0.95UCL"]))
    }
  }
  sd <- survdiff(Surv(OS, death) ~ altered, data = seq)
  s <- summary(coxph(Surv(OS, death) ~ altered, data = seq, ties = "efron"))
  add(gene, "logrank_chisq", sd$chisq)
  add(gene, "logrank_p", pchisq(sd$chisq, 1, lower.tail = FALSE))
  add(gene, "hr", s$conf.int[1, 1])
  add(gene, "hr_lower", s$conf.int[1, 3])
  add(gene, "hr_upper", s$conf.int[1, 4])
  add(gene, "cox_p", s$coefficients[1, 5])
}
out$value <- ifelse(is.na(out$value), "NA", sprintf("%.17g", out$value))
con <- file("test/fixtures/scan/riaz-os-reference.tsv", "w")
writeLines(paste0("# ", R.version.string, ", survival ", packageVersion("survival"), "; made by scripts/r/riaz-os.R from riaz2017-nivolumab (values derived, no data copied)"), con)
write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE)
close(con)

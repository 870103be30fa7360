# Reference for `biomarkit scan --endpoint pfs` on the demo cohort: MYC amplification (copy number
# >= 6 in demo/cna.tsv) vs not, among the 28 sequenced patients, rwPFS.
#   Rscript scripts/r/demo-survival.R   (from the repository root; needs r-cran-survival)
suppressMessages(library(survival))
clin <- read.delim("demo/clinical.tsv", stringsAsFactors = FALSE)
cna <- read.delim("demo/cna.tsv", stringsAsFactors = FALSE)
seq <- clin[clin$sequenced == "yes", ]
amp <- unique(cna$sample[cna$gene == "MYC" & cna$copy_number >= 6])
seq$altered <- as.integer(seq$patient_id %in% amp)
out <- data.frame()
for (conf in c("log", "log-log")) {
  fit <- survfit(Surv(pfs_months, pfs_event) ~ altered, data = seq, conf.type = conf)
  q <- quantile(fit, 0.5)
  out <- rbind(out, data.frame(quantity = paste0("median_", c("wildtype", "altered"), "_", conf), value = unname(q$quantile[, 1])))
  out <- rbind(out, data.frame(quantity = paste0("median_lower_", c("wildtype", "altered"), "_", conf), value = unname(q$lower[, 1])))
  out <- rbind(out, data.frame(quantity = paste0("median_upper_", c("wildtype", "altered"), "_", conf), value = unname(q$upper[, 1])))
}
sd <- survdiff(Surv(pfs_months, pfs_event) ~ altered, data = seq)
cx <- coxph(Surv(pfs_months, pfs_event) ~ altered, data = seq, ties = "efron")
s <- summary(cx)
adj <- coxph(Surv(pfs_months, pfs_event) ~ altered + I(brain_mets == "yes") + I(prior_trop2_adc == "yes"), data = seq, ties = "efron")
out <- rbind(out, data.frame(
  quantity = c("n_altered", "n_wildtype", "logrank_chisq", "logrank_p", "hr", "hr_lower", "hr_upper", "cox_p", "hr_adjusted", "cox_p_adjusted"),
  value = c(sum(seq$altered), sum(1 - seq$altered), sd$chisq, pchisq(sd$chisq, 1, lower.tail = FALSE), s$conf.int[1, 1], s$conf.int[1, 3], s$conf.int[1, 4],
            s$coefficients[1, 5], exp(coef(adj)[1]), summary(adj)$coefficients[1, 5])))
out$value <- ifelse(is.na(out$value), "NA", sprintf("%.17g", out$value))
con <- file("test/fixtures/scan/demo-myc-pfs.tsv", "w")
writeLines(paste0("# ", R.version.string, ", survival ", packageVersion("survival"), "; made by scripts/r/demo-survival.R"), con)
write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE)
close(con)

#!/usr/bin/env Rscript
# Reference values for biomarkit's statistics (src/stats), produced by R itself.
# Run from the repository root:  Rscript scripts/r/make-reference.R
# Writes plain TSV (17 significant digits, Inf/-Inf/NA spelled out) under test/fixtures/r/, plus
# VERSIONS.tsv recording the R and survival versions. Tests read these files; CI has no R.
suppressPackageStartupMessages(library(survival))
out_dir <- file.path("test", "fixtures", "r")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

fmt <- function(v) {
  if (is.character(v)) return(v)
  ifelse(is.na(v), "NA", ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v)))
}
write_tsv <- function(df, name) {
  cols <- lapply(df, fmt)
  lines <- do.call(paste, c(cols, sep = "\t"))
  writeLines(c(paste(names(df), collapse = "\t"), lines), file.path(out_dir, name), useBytes = TRUE)
}

# ---------------------------------------------------------------- versions
write_tsv(data.frame(
  key = c("R", "survival", "generated_by"),
  value = c(R.version.string, as.character(packageVersion("survival")), "scripts/r/make-reference.R")
), "VERSIONS.tsv")

# ---------------------------------------------------------------- Fisher 2x2
set.seed(20240601)
tabs <- list()
add <- function(a, b, c, d) tabs[[length(tabs) + 1L]] <<- c(a, b, c, d)
# every table with n <= 5 (zeros, n = 1, degenerate margins)
for (a in 0:5) for (b in 0:(5 - a)) for (c in 0:(5 - a - b)) for (d in 0:(5 - a - b - c)) add(a, b, c, d)
# named edge cases
add(1, 1, 2, 3); add(3, 1, 1, 3); add(1, 5, 22, 36); add(10, 10, 10, 10); add(5, 5, 5, 5)
add(7, 0, 0, 7); add(0, 9, 9, 0); add(50, 50, 50, 50); add(1000, 1, 1, 1000); add(2, 3000, 1, 3000)
add(1, 999, 0, 1000); add(0, 1000, 5, 995); add(20, 980, 5, 995); add(3, 0, 0, 4000)
add(1500, 1700, 1650, 1600); add(4000, 10, 3990, 20); add(12, 5, 3, 30); add(0, 0, 4, 7)
# random tables of several sizes, including very unbalanced rows
for (i in 1:120) { n <- sample(c(8, 20, 60, 200), 1); add(rbinom(1, n, .3), rbinom(1, n, .5), rbinom(1, n, .4), rbinom(1, n, .6)) }
for (i in 1:40) { add(rbinom(1, 5, .4), rbinom(1, 5, .4), rbinom(1, 800, .2), rbinom(1, 800, .7)) }
for (i in 1:30) { add(rbinom(1, 3000, .2), rbinom(1, 3000, .25), rbinom(1, 2000, .2), rbinom(1, 2500, .3)) }
fisher_rows <- list()
for (t in tabs) for (alt in c("two.sided", "less", "greater")) {
  r <- fisher.test(matrix(t, 2, byrow = TRUE), alternative = alt)
  fisher_rows[[length(fisher_rows) + 1L]] <- data.frame(
    a = t[1], b = t[2], c = t[3], d = t[4], alternative = alt,
    p = r$p.value, estimate = unname(r$estimate), lo = r$conf.int[1], hi = r$conf.int[2])
}
write_tsv(do.call(rbind, fisher_rows), "fisher.tsv")

# ---------------------------------------------------------------- p.adjust
pvecs <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.05, NA, 0.01, 0.2, NA, 0.001, 0.5),
  c(0.02, 0.02, 0.02, 0.5, 0.001, 0.001),
  c(1, 1, 0.9, 0.0001),
  c(0.3),
  c(NA, 0.04),
  c(1e-300, 1e-10, 0.049, 0.051, 0.9, 0.99, 1),
  round(runif(40)^3, 6)
)
pa_rows <- list()
for (v in seq_along(pvecs)) {
  p <- pvecs[[v]]
  pa_rows[[v]] <- data.frame(vector = v, index = seq_along(p), p = p,
    BH = p.adjust(p, "BH"), bonferroni = p.adjust(p, "bonferroni"), holm = p.adjust(p, "holm"),
    hochberg = p.adjust(p, "hochberg"), BY = p.adjust(p, "BY"))
}
write_tsv(do.call(rbind, pa_rows), "padjust.tsv")

# ---------------------------------------------------------------- distributions
z <- c(-38, -20, -10, -5, -3, -1.96, -1, -0.5, -1e-8, 0, 1e-3, 0.3, 1, 2.5, 6, 9)
write_tsv(data.frame(z = z, lower = pnorm(z), upper = pnorm(z, lower.tail = FALSE)), "pnorm.tsv")
pr <- c(1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.025, 0.05, 0.2, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-10)
write_tsv(data.frame(p = pr, q = qnorm(pr)), "qnorm.tsv")
cg <- expand.grid(q = c(1e-6, 0.01, 0.5, 1, 3.84, 10, 30, 100, 400), df = c(1, 2, 3, 5, 10, 50, 300))
write_tsv(data.frame(q = cg$q, df = cg$df, upper = pchisq(cg$q, cg$df, lower.tail = FALSE), lower = pchisq(cg$q, cg$df)), "pchisq.tsv")
bg <- expand.grid(x = c(1e-6, 0.01, 0.2, 0.5, 0.8, 0.999), a = c(1, 2.5, 10, 300), b = c(1, 3, 40, 5000))
write_tsv(data.frame(x = bg$x, a = bg$a, b = bg$b, lower = pbeta(bg$x, bg$a, bg$b), upper = pbeta(bg$x, bg$a, bg$b, lower.tail = FALSE)), "pbeta.tsv")

# ---------------------------------------------------------------- binom.test (Clopper-Pearson)
bn <- list(c(0, 1), c(1, 1), c(0, 10), c(1, 10), c(5, 10), c(10, 10), c(3, 7), c(17, 52), c(50, 100),
  c(1, 1000000), c(999999, 1000000), c(500000, 1000000), c(0, 5000), c(2, 30), c(29, 30), c(123, 4567))
bt_rows <- list()
for (xn in bn) for (cl in c(0.95, 0.9, 0.99)) for (alt in c("two.sided", "less", "greater")) {
  ci <- binom.test(xn[1], xn[2], conf.level = cl, alternative = alt)$conf.int
  bt_rows[[length(bt_rows) + 1L]] <- data.frame(x = xn[1], n = xn[2], conf = cl, alternative = alt, lower = ci[1], upper = ci[2])
}
write_tsv(do.call(rbind, bt_rows), "binom.tsv")

# ---------------------------------------------------------------- survival datasets
mel <- read.delim(file.path(out_dir, "melanoma-survival.tsv"))
ds <- list()
ds$mel_os <- data.frame(time = mel$os, event = mel$dead, group = ifelse(mel$br %in% c("CR", "PR"), "resp", "nonresp"),
  x1 = log10(mel$total_muts), x2 = mel$male)
# two patients have LDH "unknown": PFS analyses by LDH use the 50 with a known value
mel_ldh <- mel[mel$ldh_elevated %in% c("0", "1"), ]
ds$mel_pfs <- data.frame(time = mel_ldh$pfs, event = mel_ldh$progressed,
  group = ifelse(mel_ldh$ldh_elevated == "1", "ldh_high", "ldh_normal"),
  x1 = as.numeric(mel_ldh$ldh_elevated), x2 = log10(mel_ldh$total_muts))
# ties in time, censoring at event times
ds$ties <- data.frame(time = c(1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 10, 12),
  event = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0),
  group = rep(c("A", "B"), 9), x1 = c(0.5, 1.2, -0.3, 0.8, 2.1, -1, 0, 0.4, 1.5, -0.7, 0.9, 0.2, -0.2, 1.1, 0.3, -0.5, 0.6, 1.8),
  x2 = rep(c(0, 1, 1), 6))
# curve sits exactly at 0.5 on [3, 5): median is the midpoint (3 + 5) / 2 = 4
ds$half <- data.frame(time = c(1, 2, 3, 4, 5, 6), event = c(1, 1, 1, 0, 1, 0), group = c("A", "B", "A", "B", "A", "B"),
  x1 = c(1, 0, 1, 0, 0, 1), x2 = c(0.1, 0.4, 0.2, 0.9, 0.3, 0.5))
# median not reached
ds$notreached <- data.frame(time = c(2, 3, 5, 7, 8, 9, 11, 12, 13, 15), event = c(1, 0, 1, 0, 0, 0, 0, 0, 0, 0),
  group = rep(c("A", "B"), 5), x1 = c(1, 2, 3, 1, 2, 3, 1, 2, 3, 1), x2 = c(0, 0, 1, 1, 0, 0, 1, 1, 0, 1))
# the last observation is an event: S drops to 0 (R gives NA CIs there)
ds$tozero <- data.frame(time = c(1, 2, 2, 3, 4, 6), event = c(1, 0, 1, 1, 0, 1), group = c("A", "A", "B", "B", "A", "B"),
  x1 = c(0, 1, 0, 1, 1, 0), x2 = c(1.5, 0.2, 0.7, 1.1, 0.3, 0.9))
# one group entirely censored: monotone likelihood in Cox, log-rank still defined
ds$allcens <- data.frame(time = c(3, 5, 6, 8, 9, 11, 4, 7, 10, 12, 14, 15), event = c(1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0),
  group = rep(c("A", "B"), each = 6), x1 = rep(c(0, 1), each = 6), x2 = c(0.3, 0.1, 0.5, 0.2, 0.8, 0.4, 0.6, 0.9, 0.7, 0.1, 0.2, 0.5))
# larger simulated cohort with three groups and heavy ties (times rounded)
n <- 240
g3 <- sample(c("G1", "G2", "G3"), n, replace = TRUE)
xx1 <- round(rnorm(n), 3)
xx2 <- rbinom(n, 1, 0.4)
rate <- exp(0.4 * xx1 - 0.6 * xx2 + ifelse(g3 == "G2", 0.5, ifelse(g3 == "G3", -0.3, 0)))
tt <- ceiling(rexp(n, rate) * 10)
cc <- ceiling(runif(n, 0, 30))
ds$sim3 <- data.frame(time = pmin(tt, cc), event = as.integer(tt <= cc), group = g3, x1 = xx1, x2 = xx2)
all_ds <- do.call(rbind, lapply(names(ds), function(nm) cbind(dataset = nm, ds[[nm]])))
write_tsv(all_ds, "survival-data.tsv")

km_rows <- list(); med_rows <- list(); lr_rows <- list(); lrg_rows <- list(); cox_rows <- list(); coxt_rows <- list()
for (nm in names(ds)) {
  d <- ds[[nm]]
  for (ct in c("log", "log-log", "plain")) {
    fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = ct)
    km_rows[[length(km_rows) + 1L]] <- data.frame(dataset = nm, conf_type = ct, time = fit$time, n_risk = fit$n.risk,
      n_event = fit$n.event, n_censor = fit$n.censor, surv = fit$surv, std_err = fit$std.err, lower = fit$lower, upper = fit$upper)
    tab <- summary(fit)$table
    med_rows[[length(med_rows) + 1L]] <- data.frame(dataset = nm, conf_type = ct, median = tab[["median"]],
      lcl = tab[["0.95LCL"]], ucl = tab[["0.95UCL"]])
  }
  sd <- survdiff(Surv(time, event) ~ group, data = d)
  df <- sum(sd$exp > 0) - 1
  lr_rows[[length(lr_rows) + 1L]] <- data.frame(dataset = nm, chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE))
  lrg_rows[[length(lrg_rows) + 1L]] <- data.frame(dataset = nm, group = sub("group=", "", names(sd$n)), n = as.vector(sd$n),
    observed = sd$obs, expected = sd$exp, var_diag = diag(sd$var))
  for (model in c("x1", "x1+x2")) {
    warn <- ""
    fit <- withCallingHandlers(coxph(as.formula(paste("Surv(time, event) ~", model)), data = d, ties = "efron"),
      warning = function(w) { warn <<- conditionMessage(w); invokeRestart("muffleWarning") })
    s <- summary(fit)
    co <- s$coefficients
    ci <- s$conf.int
    cox_rows[[length(cox_rows) + 1L]] <- data.frame(dataset = nm, model = model, term = rownames(co), coef = co[, "coef"],
      se = co[, "se(coef)"], z = co[, "z"], p = co[, "Pr(>|z|)"], lower = ci[, "lower .95"], upper = ci[, "upper .95"])
    coxt_rows[[length(coxt_rows) + 1L]] <- data.frame(dataset = nm, model = model, loglik0 = fit$loglik[1], loglik1 = fit$loglik[2],
      lr = s$logtest[["test"]], lr_df = s$logtest[["df"]], lr_p = s$logtest[["pvalue"]], wald = fit$wald.test,
      wald_p = pchisq(fit$wald.test, s$waldtest[["df"]], lower.tail = FALSE), score = fit$score, score_p = s$sctest[["pvalue"]], iter = fit$iter,
      warning = gsub("[\t\n]", " ", warn))
  }
}
write_tsv(do.call(rbind, km_rows), "km.tsv")
write_tsv(do.call(rbind, med_rows), "km-median.tsv")
write_tsv(do.call(rbind, lr_rows), "logrank.tsv")
write_tsv(do.call(rbind, lrg_rows), "logrank-groups.tsv")
write_tsv(do.call(rbind, cox_rows), "cox.tsv")
write_tsv(do.call(rbind, coxt_rows), "cox-tests.tsv")

# ---------------------------------------------------------------- power of the two-sided Fisher test, by direct enumeration
power_fisher <- function(n1, n2, p1, p2, alpha = 0.05) {
  total <- 0
  for (x1 in 0:n1) for (x2 in 0:n2) {
    pv <- fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
    if (pv <= alpha) total <- total + dbinom(x1, n1, p1) * dbinom(x2, n2, p2)
  }
  total
}
pw <- data.frame(n1 = c(10, 20, 15, 40, 5, 25, 8), n2 = c(10, 30, 40, 40, 50, 25, 60),
  p1 = c(0.2, 0.1, 0.5, 0.3, 0.8, 0.05, 0.6), p2 = c(0.7, 0.4, 0.5, 0.6, 0.2, 0.35, 0.25))
pw$power <- mapply(power_fisher, pw$n1, pw$n2, pw$p1, pw$p2)
write_tsv(pw, "power.tsv")

# ---------------------------------------------------------------- Fisher at other confidence levels
# (appended last so the random streams above are unchanged; uses every 7th table from the list above)
fc_rows <- list()
for (t in tabs[seq(1, length(tabs), by = 7)]) for (cl in c(0.8, 0.9, 0.99)) for (alt in c("two.sided", "less", "greater")) {
  r <- fisher.test(matrix(t, 2, byrow = TRUE), alternative = alt, conf.level = cl)
  fc_rows[[length(fc_rows) + 1L]] <- data.frame(a = t[1], b = t[2], c = t[3], d = t[4], conf = cl, alternative = alt,
    lo = r$conf.int[1], hi = r$conf.int[2])
}
write_tsv(do.call(rbind, fc_rows), "fisher-conf.tsv")

# ---------------------------------------------------------------- Kaplan-Meier at conf.int = 0.9 (appended last: no RNG use)
km90 <- list(); med90 <- list()
for (nm in names(ds)) for (ct in c("log", "log-log")) {
  fit <- survfit(Surv(time, event) ~ 1, data = ds[[nm]], conf.type = ct, conf.int = 0.9)
  km90[[length(km90) + 1L]] <- data.frame(dataset = nm, conf_type = ct, time = fit$time, lower = fit$lower, upper = fit$upper)
  tab <- summary(fit)$table
  med90[[length(med90) + 1L]] <- data.frame(dataset = nm, conf_type = ct, median = tab[["median"]], lcl = tab[["0.9LCL"]], ucl = tab[["0.9UCL"]])
}
write_tsv(do.call(rbind, km90), "km-90.tsv")
write_tsv(do.call(rbind, med90), "km-median-90.tsv")

#!/usr/bin/env Rscript
# Reference values for biomarkit's regression, rank and exact statistics (src/stats), made by R.
# Run from the repository root:  Rscript scripts/r/stats-reference.R
# Writes test/fixtures/stats/*.json: each case holds its inputs and R's outputs, numbers printed
# with 17 significant digits ("Inf"/"-Inf" as strings, NA as null), plus versions.json with the R
# and package versions. Tests read these files; CI has no R.
suppressPackageStartupMessages({
  library(survival); library(pROC); library(brglm2); library(maxstat)
})
out_dir <- file.path("test", "fixtures", "stats")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

# ---------------------------------------------------------------- a tiny JSON writer (no jsonlite)
arr <- function(v) structure(list(v), class = "jarray")  # always an array, even of length 1
num1 <- function(v) {
  if (is.na(v)) return("null")
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.character(v)) return(paste0('"', gsub('"', '\\\\"', v), '"'))
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
to_json <- function(x) {
  if (inherits(x, "jarray")) return(paste0("[", paste(vapply(x[[1]], num1, ""), collapse = ","), "]"))
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste(sprintf('"%s":%s', names(x), vapply(x, to_json, "")), collapse = ","), "}"))
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ",\n"), "]"))
  }
  if (length(x) == 1) return(num1(x))
  paste0("[", paste(vapply(x, num1, ""), collapse = ","), "]")
}
write_json <- function(x, name) writeLines(to_json(x), file.path(out_dir, name), useBytes = TRUE)

write_json(list(
  R = R.version.string,
  survival = as.character(packageVersion("survival")),
  pROC = as.character(packageVersion("pROC")),
  brglm2 = as.character(packageVersion("brglm2")),
  maxstat = as.character(packageVersion("maxstat")),
  generated_by = "scripts/r/stats-reference.R"
), "versions.json")

mel <- read.delim(file.path("test", "fixtures", "r", "melanoma-survival.tsv"), stringsAsFactors = FALSE)
mel$resp <- as.integer(mel$br %in% c("CR", "PR"))
mel$log10muts <- log10(mel$total_muts)

# ---------------------------------------------------------------- Wilcoxon rank-sum
set.seed(20261207)
wcases <- list(
  list(name = "small-exact", x = c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30), y = c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list(name = "n1-vs-5", x = c(3.2), y = c(1, 2, 4, 5, 6)),
  list(name = "n1-vs-1", x = c(2), y = c(1)),
  list(name = "ties-small", x = c(1, 2, 2, 3, 3, 3), y = c(2, 3, 4, 4, 5)),
  list(name = "zeros-ties", x = c(0, 0, 0, 1, 5, 9), y = c(0, 0, 0, 0, 0, 2, 3)),
  list(name = "all-tied", x = c(4, 4, 4), y = c(4, 4)),
  list(name = "separated-exact", x = 1:12, y = 13:30),
  list(name = "n49-exact", x = round(rnorm(49), 6), y = round(rnorm(45, 0.4), 6)),
  list(name = "n50-normal", x = round(rnorm(50), 6), y = round(rnorm(30, 0.3), 6)),
  list(name = "large-ties", x = rpois(120, 3), y = rpois(80, 4)),
  list(name = "liu2019-total-muts-by-response", x = mel$total_muts[mel$resp == 1], y = mel$total_muts[mel$resp == 0])
)
wrows <- list()
for (cs in wcases) for (alt in c("two.sided", "less", "greater")) for (ex in list(NULL, FALSE)) for (cor in c(TRUE, FALSE)) {
  r <- suppressWarnings(wilcox.test(cs$x, cs$y, alternative = alt, exact = ex, correct = cor))
  wrows[[length(wrows) + 1L]] <- list(name = cs$name, x = arr(cs$x), y = arr(cs$y), alternative = alt,
    exact = if (is.null(ex)) NA else ex, correct = cor, w = unname(r$statistic), p = r$p.value, method = r$method)
}
write_json(wrows, "wilcoxon.json")

# ---------------------------------------------------------------- logistic regression (glm)
# Profile-likelihood bounds: exact roots of the profile deviance (glm with the coefficient as an
# offset), found by uniroot to 1e-12; MASS's confint.glm spline-approximates the same roots.
profile_bounds <- function(y, X, j, fit, level = 0.95) {
  q <- qchisq(level, 1)
  b <- coef(fit)[j]; se <- sqrt(diag(vcov(fit)))[j]
  dev_at <- function(v) {
    off <- X[, j] * v
    rest <- X[, -j, drop = FALSE]
    if (ncol(rest) == 0) { mu <- plogis(off); return(-2 * sum(y * log(mu) + (1 - y) * log(1 - mu))) }
    glm.fit(rest, y, family = binomial(), offset = off, intercept = FALSE, control = glm.control(epsilon = 1e-14, maxit = 100))$deviance
  }
  g <- function(v) dev_at(v) - deviance(fit) - q
  lo <- b - se; while (g(lo) < 0) lo <- b - 2 * (b - lo)
  hi <- b + se; while (g(hi) < 0) hi <- b + 2 * (hi - b)
  c(uniroot(g, c(lo, b), tol = 1e-13)$root, uniroot(g, c(b, hi), tol = 1e-13)$root)
}
lcases <- list(
  list(name = "liu2019-response-log10-total-muts", y = mel$resp, X = cbind(log10_total_muts = mel$log10muts)),
  list(name = "liu2019-response-muts-male-ldh", y = mel$resp[mel$ldh_elevated != "unknown"],
       X = cbind(log10_total_muts = mel$log10muts, male = mel$male, ldh = as.numeric(mel$ldh_elevated))[mel$ldh_elevated != "unknown", ]),
  list(name = "sim-two-numeric", y = NULL, X = NULL),
  list(name = "small-binary", y = c(1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0), X = cbind(a = c(1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0)))
)
set.seed(7)
x1 <- rnorm(80); x2 <- rbinom(80, 1, 0.4); lcases[[3]]$y <- rbinom(80, 1, plogis(-0.3 + 0.8 * x1 - 0.7 * x2)); lcases[[3]]$X <- cbind(x1 = round(x1, 6), x2 = x2)
lrows <- list()
for (cs in lcases) {
  X <- cbind(`(Intercept)` = 1, cs$X)
  fit <- glm(cs$y ~ cs$X, family = binomial())
  s <- summary(fit)$coefficients
  prof <- t(sapply(seq_len(ncol(X)), function(j) profile_bounds(cs$y, X, j, fit)))
  mass <- suppressMessages(confint(fit))
  lrows[[length(lrows) + 1L]] <- list(name = cs$name, y = arr(cs$y), X = lapply(seq_len(nrow(cs$X)), function(i) arr(unname(cs$X[i, ]))),
    names = arr(colnames(cs$X)), coef = arr(unname(s[, 1])), se = arr(unname(s[, 2])), z = arr(unname(s[, 3])), p = arr(unname(s[, 4])),
    wald_lower = arr(unname(confint.default(fit)[, 1])), wald_upper = arr(unname(confint.default(fit)[, 2])),
    profile_lower = arr(prof[, 1]), profile_upper = arr(prof[, 2]), mass_lower = arr(unname(mass[, 1])), mass_upper = arr(unname(mass[, 2])),
    deviance = deviance(fit), null_deviance = fit$null.deviance, aic = AIC(fit), iter = fit$iter)
}
write_json(lrows, "logistic.json")

# ---------------------------------------------------------------- ROC AUC, DeLong
rcases <- list(
  list(name = "liu2019-total-muts-response", s = mel$total_muts, l = mel$resp),
  list(name = "ties", s = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6), l = c(0, 0, 1, 0, 1, 1, 0, 1, 1, 1)),
  list(name = "perfect", s = c(1, 2, 3, 4, 5, 6), l = c(0, 0, 0, 1, 1, 1)),
  list(name = "inverse", s = c(6, 5, 4, 3, 2, 1, 0.5), l = c(0, 0, 0, 1, 1, 1, 1)),
  list(name = "random-200", s = round(c(rnorm(90, 0.6), rnorm(110)), 6), l = c(rep(1, 90), rep(0, 110)))
)
rrows <- list()
for (cs in rcases) {
  r <- roc(cs$l, cs$s, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  rrows[[length(rrows) + 1L]] <- list(name = cs$name, scores = arr(cs$s), labels = arr(cs$l), auc = as.numeric(r$auc),
    variance = var(r, method = "delong"), lower = ci[1], upper = ci[3])
}
write_json(rrows, "roc-delong.json")

# ---------------------------------------------------------------- multivariable Cox (coxph, Efron)
set.seed(11)
nsim <- 150
stage <- sample(c("I", "II", "III"), nsim, replace = TRUE)
age <- round(rnorm(nsim, 60, 10))
brain <- rbinom(nsim, 1, 0.3)
haz <- exp(0.03 * (age - 60) + 0.8 * brain + c(I = 0, II = 0.4, III = 0.9)[stage])
tt <- round(rexp(nsim, haz / 10), 1)
cc <- round(runif(nsim, 5, 30), 1)
sim_time <- pmin(tt, cc); sim_event <- as.integer(tt <= cc)
stage[c(3, 17)] <- NA; age[40] <- NA
ldh <- ifelse(mel$ldh_elevated == "unknown", NA, mel$ldh_elevated)
ccases <- list(
  list(name = "liu2019-os-log10muts-male-ldh", time = mel$os, event = mel$dead,
       covariates = list(list(name = "log10_total_muts", kind = "numeric", values = mel$log10muts),
                         list(name = "male", kind = "categorical", values = as.character(mel$male), reference = "0"),
                         list(name = "ldh_elevated", kind = "categorical", values = ldh, reference = "0"))),
  list(name = "sim-stage-age-brain", time = sim_time, event = sim_event,
       covariates = list(list(name = "age", kind = "numeric", values = age),
                         list(name = "stage", kind = "categorical", values = stage, reference = "I"),
                         list(name = "brain_mets", kind = "categorical", values = ifelse(brain == 1, "yes", "no"), reference = "no"))),
  list(name = "sim-stage-reference-III", time = sim_time, event = sim_event,
       covariates = list(list(name = "stage", kind = "categorical", values = stage, reference = "III")))
)
crows <- list()
for (cs in ccases) {
  df <- data.frame(time = cs$time, event = cs$event)
  for (cv in cs$covariates) df[[cv$name]] <- if (cv$kind == "numeric") cv$values else relevel(factor(cv$values), ref = cv$reference)
  f <- as.formula(paste("Surv(time, event) ~", paste(sapply(cs$covariates, `[[`, "name"), collapse = " + ")))
  fit <- coxph(f, data = df, ties = "efron", control = coxph.control(eps = 1e-12, toler.chol = 1e-13, iter.max = 50))
  s <- summary(fit)
  cov_json <- lapply(cs$covariates, function(cv) {
    out <- list(name = cv$name, kind = cv$kind)
    out$values <- if (cv$kind == "numeric") arr(cv$values) else arr(ifelse(is.na(cv$values), NA, cv$values))
    if (!is.null(cv$reference)) out$reference <- cv$reference
    out
  })
  crows[[length(crows) + 1L]] <- list(name = cs$name, time = arr(cs$time), event = arr(cs$event), covariates = cov_json,
    terms = names(coef(fit)), coef = arr(unname(coef(fit))), se = arr(unname(sqrt(diag(vcov(fit))))),
    hr_lower = arr(unname(s$conf.int[, 3])), hr_upper = arr(unname(s$conf.int[, 4])), p = arr(unname(s$coefficients[, 5])),
    n = fit$n, events = fit$nevent, dropped = length(fit$na.action),
    lrt = unname(s$logtest[1]), lrt_p = unname(s$logtest[3]), wald = unname(fit$wald.test), score = unname(s$sctest[1]), score_p = unname(s$sctest[3]))
}
write_json(crows, "cox-multivariable.json")

# ---------------------------------------------------------------- Firth (brglm2 AS_mean) + logistf-style profile
# logistf is not packaged for Debian, so its profile penalized-likelihood intervals and
# penalized likelihood-ratio p are computed here from their definition: l*(b) = l(b) + log|X'WX|/2,
# maximised over the other coefficients by optim (BFGS, analytic gradient) with one held fixed.
pen_ll <- function(beta, X, y) {
  pr <- plogis(drop(X %*% beta)); w <- pr * (1 - pr)
  sum(dbinom(y, 1, pr, log = TRUE)) + 0.5 * as.numeric(determinant(crossprod(X, X * w), logarithm = TRUE)$modulus)
}
pen_grad <- function(beta, X, y) {
  pr <- plogis(drop(X %*% beta)); w <- pr * (1 - pr)
  Xw <- X * sqrt(w); h <- rowSums((Xw %*% solve(crossprod(Xw))) * Xw)
  drop(crossprod(X, y - pr + h * (0.5 - pr)))
}
profile_pen <- function(X, y, j, v, start) {
  if (ncol(X) == 1) return(pen_ll(v, X, y))
  f <- function(r) { b <- numeric(ncol(X)); b[-j] <- r; b[j] <- v; -pen_ll(b, X, y) }
  g <- function(r) { b <- numeric(ncol(X)); b[-j] <- r; b[j] <- v; -pen_grad(b, X, y)[-j] }
  o <- optim(start[-j], f, g, method = "BFGS", control = list(reltol = 1e-16, maxit = 5000))
  o <- optim(o$par, f, g, method = "BFGS", control = list(reltol = 1e-16, maxit = 5000))
  -o$value
}
set.seed(5)
nf <- 40
trop <- c(rep(1, 10), rep(0, 30)); brainf <- rbinom(nf, 1, 0.3)
yf <- c(rep(0, 10), rbinom(30, 1, 0.45))
fcases <- list(
  list(name = "separation-trop2-0of10", y = yf, X = cbind(prior_trop2 = trop, brain_mets = brainf)),
  list(name = "separation-single", y = yf, X = cbind(prior_trop2 = trop)),
  list(name = "liu2019-response-log10-total-muts", y = mel$resp, X = cbind(log10_total_muts = mel$log10muts)),
  list(name = "sim-two-numeric", y = lcases[[3]]$y, X = lcases[[3]]$X)
)
frows <- list()
for (cs in fcases) {
  X <- cbind(`(Intercept)` = 1, cs$X)
  fit <- glm(cs$y ~ cs$X, family = binomial(), method = "brglmFit", type = "AS_mean", control = brglm_control(epsilon = 1e-13, maxit = 1000))
  s <- summary(fit)$coefficients
  b <- unname(coef(fit)); lmax <- pen_ll(b, X, cs$y)
  q <- qchisq(0.95, 1)
  bounds <- t(sapply(seq_len(ncol(X)), function(j) {
    g <- function(v) 2 * (lmax - profile_pen(X, cs$y, j, v, b)) - q
    se <- s[j, 2]
    lo <- b[j] - se; while (g(lo) < 0) lo <- b[j] - 2 * (b[j] - lo)
    hi <- b[j] + se; while (g(hi) < 0) hi <- b[j] + 2 * (hi - b[j])
    c(uniroot(g, c(lo, b[j]), tol = 1e-12)$root, uniroot(g, c(b[j], hi), tol = 1e-12)$root,
      pchisq(2 * (lmax - profile_pen(X, cs$y, j, 0, b)), 1, lower.tail = FALSE))
  }))
  frows[[length(frows) + 1L]] <- list(name = cs$name, y = arr(cs$y), X = lapply(seq_len(nrow(cs$X)), function(i) arr(unname(cs$X[i, ]))),
    names = arr(colnames(cs$X)), coef = arr(b), se = arr(unname(s[, 2])), p = arr(unname(s[, 4])), pen_loglik = lmax,
    profile_lower = arr(bounds[, 1]), profile_upper = arr(bounds[, 2]), lr_p = arr(bounds[, 3]))
}
write_json(frows, "firth.json")

# ---------------------------------------------------------------- exact Mantel–Haenszel (mantelhaen.test exact)
# R solves the estimate and bounds with uniroot's default tol (~1e-4); we also store the same
# quantities from R's own null distribution (stats:::C_d2x2xk) solved in log(OR) to 1e-14.
source("scripts/r/mh-tight.R")
mcases <- list(
  list(name = "three-centres", tabs = list(c(3, 7, 2, 12), c(5, 4, 1, 9), c(2, 8, 3, 15))),
  list(name = "zero-cells", tabs = list(c(0, 5, 3, 4), c(4, 0, 2, 6), c(1, 3, 0, 8))),
  list(name = "at-lower-end", tabs = list(c(0, 6, 4, 2), c(0, 3, 5, 1))),
  list(name = "at-upper-end", tabs = list(c(5, 0, 1, 4), c(3, 0, 2, 2))),
  list(name = "two-strata-n2", tabs = list(c(1, 0, 0, 1), c(0, 1, 1, 0))),
  list(name = "larger-panels", tabs = list(c(30, 70, 20, 120), c(15, 45, 10, 90), c(8, 12, 5, 25), c(40, 160, 35, 200)))
)
mrows <- list()
for (cs in mcases) for (alt in c("two.sided", "less", "greater")) {
  x <- array(unlist(lapply(cs$tabs, function(v) matrix(v, 2, byrow = TRUE))), dim = c(2, 2, length(cs$tabs)))
  r <- mantelhaen.test(x, exact = TRUE, alternative = alt)
  tight <- mh_tight(x)
  mrows[[length(mrows) + 1L]] <- list(name = cs$name, tables = lapply(cs$tabs, arr), alternative = alt, p = r$p.value,
    estimate = unname(r$estimate), lower = r$conf.int[1], upper = r$conf.int[2],
    tight_estimate = unname(tight["mle"]), tight_lower = unname(tight["lower"]), tight_upper = unname(tight["upper"]))
}
write_json(mrows, "mantel-haenszel-exact.json")

# ---------------------------------------------------------------- maxstat (LogRank, Lau94)
set.seed(31)
nm <- 120
xm <- round(rlnorm(nm, 2, 0.8), 1)
tm <- round(rexp(nm, ifelse(xm > 9, 0.05, 0.12)) * 10) / 10 + 0.1
cm <- round(runif(nm, 2, 40), 1)
xcases <- list(
  list(name = "liu2019-os-total-muts", time = mel$os, status = mel$dead, x = mel$total_muts, minprop = 0.1, maxprop = 0.9),
  list(name = "liu2019-os-total-muts-0.25", time = mel$os, status = mel$dead, x = mel$total_muts, minprop = 0.25, maxprop = 0.75),
  list(name = "sim-ties-in-x-and-time", time = pmin(tm, cm), status = as.integer(tm <= cm), x = xm, minprop = 0.1, maxprop = 0.9),
  list(name = "small-ties", time = c(5, 8, 8, 12, 3, 3, 9, 15, 20, 7, 7, 11), status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0),
       x = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8), minprop = 0.1, maxprop = 0.9),
  list(name = "all-cuts", time = c(5, 8, 8, 12, 3, 3, 9, 15, 20, 7, 7, 11), status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0),
       x = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8), minprop = 0, maxprop = 1)
)
xrows <- list()
for (cs in xcases) {
  df <- data.frame(time = cs$time, status = cs$status, x = cs$x)
  r <- maxstat.test(Surv(time, status) ~ x, data = df, smethod = "LogRank", pmethod = "Lau94", minprop = cs$minprop, maxprop = cs$maxprop)
  xrows[[length(xrows) + 1L]] <- list(name = cs$name, time = arr(cs$time), status = arr(cs$status), x = arr(cs$x),
    minprop = cs$minprop, maxprop = cs$maxprop, cutpoint = unname(r$estimate), statistic = unname(r$statistic), p = r$p.value,
    cuts = arr(r$cuts), stats = arr(r$stats))
}
write_json(xrows, "maxstat.json")

# ---------------------------------------------------------------- Liu 2019: non-synonymous mutation count (issue 18's check)
# From the comut tutorial data (MIT) as shipped in ../shared; response = CR/PR vs the rest,
# OS in days with dead = 1 the event. Skipped when ../shared is absent.
liu_path <- file.path("..", "shared", "data", "comut", "melanoma", "merged_clinical_data.tsv")
if (file.exists(liu_path)) {
  liu <- read.delim(liu_path, check.names = FALSE, stringsAsFactors = FALSE)
  liu <- liu[!is.na(liu$nonsyn_muts) & liu$BR != "", ]
  resp <- as.integer(liu$BR %in% c("CR", "PR"))
  lx <- log10(liu$nonsyn_muts)
  w <- wilcox.test(liu$nonsyn_muts[resp == 1], liu$nonsyn_muts[resp == 0])
  g <- glm(resp ~ lx, family = binomial())
  r <- roc(resp, liu$nonsyn_muts, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  cx <- coxph(Surv(OS, dead) ~ lx, data = data.frame(OS = liu$OS, dead = liu$dead, lx = lx))
  write_json(list(list(source = "comut/melanoma/merged_clinical_data.tsv", sample = arr(liu$sample), nonsyn_muts = arr(liu$nonsyn_muts),
    br = arr(liu$BR), os = arr(liu$OS), dead = arr(liu$dead),
    wilcoxon_w = unname(w$statistic), wilcoxon_p = w$p.value, wilcoxon_method = w$method,
    or_per_log10 = unname(exp(coef(g))[2]), or_lower = exp(confint.default(g)[2, 1]), or_upper = exp(confint.default(g)[2, 2]), or_p = summary(g)$coefficients[2, 4],
    auc = as.numeric(r$auc), auc_lower = ci[1], auc_upper = ci[3],
    hr_per_log10 = unname(exp(coef(cx))), hr_lower = summary(cx)$conf.int[1, 3], hr_upper = summary(cx)$conf.int[1, 4], hr_p = summary(cx)$coefficients[1, 5])),
    "liu2019-nonsyn.json")
}

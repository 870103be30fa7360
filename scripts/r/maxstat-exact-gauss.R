#!/usr/bin/env Rscript
# Reference values for maxstat's pmethod = "exactGauss" (src/stats/max-gauss.ts), made by R.
# Run from the repository root:  Rscript scripts/r/maxstat-exact-gauss.R
# Writes test/fixtures/stats/maxstat-exact-gauss.json. R computes exactGauss with mvtnorm::pmvnorm,
# a randomised quasi-Monte-Carlo integral: each case stores maxstat.test(..., pmethod = "exactGauss")'s
# p with R's defaults (set.seed(1) first; pmvnorm's own error estimate beside it, attr "error", a 99%
# bound) and the same integral run to abseps 1e-5 (maxpts 2e6) with its error estimate (tighter runs of
# the larger cases take many minutes here). It also checks that maxstat's correlation matrix (corrmsrs) is the nested-sums one,
# sqrt(m_i (n - m_j) / (m_j (n - m_i))), up to the order of the cuts (same eigenvalues), and that
# maxstat.test's p is pexactgauss's (within its error: the two draws differ).
suppressPackageStartupMessages({ library(survival); library(maxstat); library(mvtnorm) })
out_dir <- file.path("test", "fixtures", "stats")
num1 <- function(v) if (is.na(v)) "null" else if (is.character(v)) paste0('"', v, '"') else sprintf("%.17g", v)
arr <- function(v) paste0("[", paste(vapply(v, num1, ""), collapse = ","), "]")
obj <- function(l) paste0("{", paste(sprintf('"%s":%s', names(l), unlist(l)), collapse = ","), "}")

mel <- read.delim(file.path("test", "fixtures", "r", "melanoma-survival.tsv"), stringsAsFactors = FALSE)
liu <- read.delim(file.path("test", "fixtures", "features", "liu2019-clinical.tsv"), check.names = FALSE)
set.seed(31)
nm <- 120
xm <- round(rlnorm(nm, 2, 0.8), 1)
tm <- round(rexp(nm, ifelse(xm > 9, 0.05, 0.12)) * 10) / 10 + 0.1
cm <- round(runif(nm, 2, 40), 1)
set.seed(7)
xs <- round(rnorm(40), 3); ts <- round(rexp(40, 0.1), 1) + 0.1; ss <- rbinom(40, 1, 0.7)
cases <- list(
  list(name = "liu2019-os-total-muts", time = mel$os, status = mel$dead, x = mel$total_muts, minprop = 0.1, maxprop = 0.9),
  list(name = "liu2019-os-total-muts-0.25", time = mel$os, status = mel$dead, x = mel$total_muts, minprop = 0.25, maxprop = 0.75),
  list(name = "sim-ties-in-x-and-time", time = pmin(tm, cm), status = as.integer(tm <= cm), x = xm, minprop = 0.1, maxprop = 0.9),
  list(name = "small-ties", time = c(5, 8, 8, 12, 3, 3, 9, 15, 20, 7, 7, 11), status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0),
       x = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8), minprop = 0.1, maxprop = 0.9),
  list(name = "sim-no-ties-n40", time = ts, status = ss, x = xs, minprop = 0.1, maxprop = 0.9),
  # the table `scan --features clinical:nonsyn_muts --maxstat` reads in test/features/liu2019.test.ts
  list(name = "liu2019-fixture-os-nonsyn-muts", time = liu$OS, status = liu$dead, x = liu$nonsyn_muts, minprop = 0.1, maxprop = 0.9)
)
thm <- function(mm, n) outer(seq_along(mm), seq_along(mm), function(i, j) { a <- pmin(mm[i], mm[j]); b <- pmax(mm[i], mm[j]); sqrt(a * (n - b) / (b * (n - a))) })
ev <- function(M) sort(eigen(M, symmetric = TRUE, only.values = TRUE)$values)
rows <- character(0)
for (cs in cases) {
  df <- data.frame(time = cs$time, status = cs$status, x = cs$x)
  set.seed(1)
  r <- maxstat.test(Surv(time, status) ~ x, data = df, smethod = "LogRank", pmethod = "exactGauss", minprop = cs$minprop, maxprop = cs$maxprop)
  b <- unname(r$statistic)
  set.seed(1)
  d <- maxstat:::pexactgauss(b, cs$x, cs$minprop, cs$maxprop)
  stopifnot(abs(d - r$p.value) < 2 * attr(d, "error"))
  n <- length(cs$x)
  below <- sapply(r$cuts, function(u) sum(cs$x <= u))
  cmx <- maxstat:::corrmsrs(cs$x, cs$minprop, cs$maxprop)
  if (length(below) > 1) stopifnot(nrow(cmx) == length(below), max(abs(ev(cmx) - ev(thm(below, n)))) < 1e-10)
  set.seed(1)
  tight <- suppressWarnings(maxstat:::pexactgauss(b, cs$x, cs$minprop, cs$maxprop, abseps = 1e-5, maxpts = 2e6))
  message(cs$name, " done")
  rows <- c(rows, obj(list(name = num1(cs$name), time = arr(cs$time), status = arr(cs$status), x = arr(cs$x),
    minprop = num1(cs$minprop), maxprop = num1(cs$maxprop), statistic = num1(b), below = arr(below),
    p = num1(r$p.value), p_error = num1(attr(d, "error")), tight_p = num1(1 - (1 - tight)), tight_error = num1(attr(tight, "error")))))
}
writeLines(paste0("[", paste(rows, collapse = ",\n"), "]"), file.path(out_dir, "maxstat-exact-gauss.json"), useBytes = TRUE)
writeLines(sprintf('{"R":"%s","maxstat":"%s","mvtnorm":"%s","generated_by":"scripts/r/maxstat-exact-gauss.R"}', R.version.string,
  packageVersion("maxstat"), packageVersion("mvtnorm")), file.path(out_dir, "maxstat-exact-gauss-versions.json"))

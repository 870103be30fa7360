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

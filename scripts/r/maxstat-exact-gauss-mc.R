#!/usr/bin/env Rscript
# An independent check of the exactGauss p of the far-tail case "sim-ties-in-x-and-time" of
# test/fixtures/stats/maxstat-exact-gauss.json (p ~ 3e-5), where pmvnorm run to abseps 1e-5 gives
# 1.41e-5 with an error estimate of 9.3e-6 that understates its error: plain Monte Carlo of the same
# Gaussian law (the Markov chain Z_{k+1} = rho_k Z_k + sqrt(1 - rho_k^2) e, 4e6 draws, seeded).
# Run from the repository root after scripts/r/maxstat-exact-gauss.R:
#   Rscript scripts/r/maxstat-exact-gauss-mc.R
s <- readLines("test/fixtures/stats/maxstat-exact-gauss.json"); l <- s[grepl("sim-ties-in-x-and-time", s)]
b <- as.numeric(sub('.*"statistic":([^,]*),.*', "\\1", l)); below <- as.numeric(strsplit(sub('.*"below":\\[([^]]*)\\].*', "\\1", l), ",")[[1]]); n <- 120
rho <- sqrt(below[-length(below)] * (n - below[-1]) / (below[-1] * (n - below[-length(below)])))
set.seed(5); hits <- 0; N <- 0
for (chunk in 1:8) { m <- 5e5; z <- rnorm(m); out <- abs(z) > b
  for (r in rho) { z <- r * z + sqrt(1 - r^2) * rnorm(m); out <- out | abs(z) > b }
  hits <- hits + sum(out); N <- N + m }
writeLines(c(paste0("# ", R.version.string, "; made by scripts/r/maxstat-exact-gauss-mc.R"), "name\tmc_p\tmc_sd\tdraws",
  sprintf("sim-ties-in-x-and-time\t%.17g\t%.17g\t%d", hits / N, sqrt(hits) / N, N)), "test/fixtures/stats/maxstat-exact-gauss-mc.tsv")

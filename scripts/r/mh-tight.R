# The exact conditional (Mantel–Haenszel) common odds ratio and its bounds, solved on R's own null
# distribution (stats:::C_d2x2xk) in log(OR) to 1e-14, where mantelhaen.test(exact = TRUE) stops at
# uniroot's default tolerance (~1e-4). Sourced by stats-reference.R and riaz-orr-strata.R.
mh_tight <- function(x, conf.level = 0.95) {
  K <- dim(x)[3L]; mn <- apply(x, c(2L, 3L), sum); m <- mn[1L, ]; n <- mn[2L, ]
  t <- apply(x, c(1L, 3L), sum)[1L, ]; s <- sum(x[1L, 1L, ])
  lo <- sum(pmax(0, t - n)); hi <- sum(pmin(m, t)); support <- lo:hi
  logdc <- log(.Call(stats:::C_d2x2xk, K, m, n, t, hi - lo + 1L))
  d_at <- function(th) { d <- logdc + th * support; d <- exp(d - max(d)); d / sum(d) }
  root <- function(f) uniroot(f, c(-50, 50), tol = 1e-14, maxiter = 5000)$root
  alpha <- (1 - conf.level) / 2
  c(mle = if (s == lo) 0 else if (s == hi) Inf else exp(root(function(th) sum(support * d_at(th)) - s)),
    lower = if (s == lo) 0 else exp(root(function(th) sum(d_at(th)[support >= s]) - alpha)),
    upper = if (s == hi) Inf else exp(root(function(th) sum(d_at(th)[support <= s]) - alpha)))
}

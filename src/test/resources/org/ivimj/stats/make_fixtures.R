# Reference numbers for the statistics tests (org.ivimj.stats and the ImageJ commands).
# Run from the project root:  Rscript src/test/resources/org/ivimj/stats/make_fixtures.R
# Writes src/test/resources/org/ivimj/stats/fixtures.csv, one number per line:
#   dataset,analysis,item,key,value
# Conventions mirrored by the Java code (and stated in docs/statistics.md):
#   - the positive group is "cases" (pROC levels = c(negative, positive)); x = positive group in
#     t.test/wilcox.test, so t and W are positive-minus-negative;
#   - missing values are dropped per analysis (per parameter; complete cases over the model's
#     parameters for glm; complete pairs for the ICC);
#   - quantiles are R's default (type 7);
#   - wilcox.test with its defaults (exact = NULL: exact p when both groups < 50 and no ties;
#     otherwise normal approximation with continuity and tie correction);
#   - ICC is psych::ICC with lmer = FALSE (the classical two-way ANOVA mean squares, as SPSS);
#   - separation (the maximum-likelihood estimates do not exist) is decided by Konis's linear program
#     (as R's detectseparation package, which Debian lacks; here with lpSolve), not by fitted
#     probabilities: glm's estimates are compared wherever they exist, with glm's warnings;
#   - Firth's logistic regression is brglm2's glm(method = "brglmFit", type = "AS_mean").
suppressMessages({ library(pROC); library(psych); library(brglm2); library(lpSolve) })
dir <- "src/test/resources/org/ivimj/stats"
res <- dir.create; rows <- list()
put <- function(dataset, analysis, item, key, value) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, analysis = analysis, item = item,
    key = key, value = format(as.numeric(value), digits = 17), stringsAsFactors = FALSE)
}

analyse <- function(name, data, group, positive, params, model, pair) {
  y <- data[[group]] == positive
  for (p in params) {
    x <- data[[p]]
    ok <- !is.na(x)
    put(name, "descriptive", p, "excluded", sum(!ok))
    for (g in c("pos", "neg")) {
      v <- x[ok & (if (g == "pos") y else !y)]
      q <- quantile(v, c(0.25, 0.5, 0.75))
      put(name, "descriptive", p, paste0(g, ".n"), length(v))
      put(name, "descriptive", p, paste0(g, ".mean"), mean(v))
      put(name, "descriptive", p, paste0(g, ".sd"), sd(v))
      put(name, "descriptive", p, paste0(g, ".median"), q[2])
      put(name, "descriptive", p, paste0(g, ".q1"), q[1])
      put(name, "descriptive", p, paste0(g, ".q3"), q[3])
      if (length(v) >= 3 && length(unique(v)) > 1) {
        sw <- shapiro.test(v)
        put(name, "shapiro", p, paste0(g, ".W"), sw$statistic)
        put(name, "shapiro", p, paste0(g, ".p"), sw$p.value)
      }
    }
    xp <- x[ok & y]; xn <- x[ok & !y]
    st <- t.test(xp, xn, var.equal = TRUE)
    put(name, "student", p, "t", st$statistic); put(name, "student", p, "df", st$parameter)
    put(name, "student", p, "p", st$p.value)
    wt <- t.test(xp, xn)
    put(name, "welch", p, "t", wt$statistic); put(name, "welch", p, "df", wt$parameter)
    put(name, "welch", p, "p", wt$p.value)
    mw <- suppressWarnings(wilcox.test(xp, xn))
    exact <- length(xp) < 50 && length(xn) < 50 && length(unique(c(xp, xn))) == length(c(xp, xn))
    put(name, "mannwhitney", p, "W", mw$statistic); put(name, "mannwhitney", p, "p", mw$p.value)
    put(name, "mannwhitney", p, "exact", as.numeric(exact))
    roc1(name, p, xp, xn, y[ok], x[ok], positive, data[[group]][ok])
  }
  if (!is.null(model)) {
    d <- data[complete.cases(data[, model]), ]
    d$y <- as.numeric(d[[group]] == positive)
    warned <- character(0)
    fit <- withCallingHandlers(glm(reformulate(model, "y"), family = binomial, data = d),
      warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
    s <- summary(fit)$coefficients
    put(name, "logistic", "model", "n", nrow(d))
    put(name, "logistic", "model", "minus2LL", fit$deviance)
    put(name, "logistic", "model", "null.minus2LL", fit$null.deviance)
    put(name, "logistic", "model", "iterations", fit$iter)
    put(name, "logistic", "model", "converged", as.numeric(fit$converged))
    put(name, "logistic", "model", "warn.fitted01", as.numeric(any(grepl("fitted probabilities numerically 0 or 1 occurred", warned))))
    put(name, "logistic", "model", "warn.notconverged", as.numeric(any(grepl("algorithm did not converge", warned))))
    sep <- separated(model.matrix(fit), d$y)
    put(name, "logistic", "model", "separation", as.numeric(sep))
    if (!sep) {
      for (i in seq_len(nrow(s))) {
        term <- if (i == 1) "(Intercept)" else rownames(s)[i]
        b <- s[i, 1]; se <- s[i, 2]
        put(name, "logistic", term, "B", b); put(name, "logistic", term, "SE", se)
        put(name, "logistic", term, "Wald", (b / se)^2); put(name, "logistic", term, "p", s[i, 4])
        put(name, "logistic", term, "OR", exp(b))
        put(name, "logistic", term, "OR.lower", exp(b - qnorm(0.975) * se))
        put(name, "logistic", term, "OR.upper", exp(b + qnorm(0.975) * se))
      }
      pr <- fitted(fit)
      roc1(name, "(combined)", pr[d$y == 1], pr[d$y == 0], d$y == 1, pr, positive, d[[group]])
    }
    firth <- glm(reformulate(model, "y"), family = binomial, data = d, method = "brglmFit", type = "AS_mean")
    sf <- summary(firth)$coefficients
    put(name, "firth", "model", "minus2LL", firth$deviance)
    put(name, "firth", "model", "converged", as.numeric(firth$converged))
    for (i in seq_len(nrow(sf))) {
      term <- if (i == 1) "(Intercept)" else rownames(sf)[i]
      b <- sf[i, 1]; se <- sf[i, 2]
      put(name, "firth", term, "B", b); put(name, "firth", term, "SE", se)
      put(name, "firth", term, "z", sf[i, 3]); put(name, "firth", term, "p", sf[i, 4])
      put(name, "firth", term, "OR", exp(b))
      put(name, "firth", term, "OR.lower", exp(b - qnorm(0.975) * se))
      put(name, "firth", term, "OR.upper", exp(b + qnorm(0.975) * se))
    }
  }
  if (!is.null(pair)) {
    d <- data[complete.cases(data[, pair]), ]
    lv <- c(setdiff(unique(data[[group]]), positive), positive)
    r1 <- roc(d[[group]], d[[pair[1]]], levels = lv, quiet = TRUE)
    r2 <- roc(d[[group]], d[[pair[2]]], levels = lv, quiet = TRUE)
    rt <- roc.test(r1, r2, method = "delong", paired = TRUE)
    item <- paste(pair, collapse = " vs ")
    put(name, "roctest", item, "Z", rt$statistic); put(name, "roctest", item, "p", rt$p.value)
    put(name, "roctest", item, "n", nrow(d))
  }
}

# Konis (2007): with xbar = x for y = 1 and -x for y = 0, maximise sum(xbar b) subject to xbar b >= 0
# and -1 <= b <= 1 (b = b+ - b-, columns scaled to unit maximum); separated iff the maximum is > 0.
separated <- function(x, y) {
  x <- sweep(x, 2, pmax(apply(abs(x), 2, max), .Machine$double.xmin), "/")
  xb <- x * ifelse(y == 1, 1, -1)
  a <- cbind(xb, -xb)
  k <- ncol(x)
  r <- lp("max", colSums(a), rbind(a, cbind(diag(k), diag(0, k)), cbind(diag(0, k), diag(k))),
          c(rep(">=", nrow(a)), rep("<=", 2 * k)), c(rep(0, nrow(a)), rep(1, 2 * k)))
  stopifnot(r$status == 0)
  r$objval > 1e-7 * nrow(x)
}

roc1 <- function(name, p, xp, xn, ycase, x, positive, groupcol) {
  lv <- c("neg", "pos")
  r <- roc(ifelse(ycase, "pos", "neg"), x, levels = lv, quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  put(name, "roc", p, "auc", r$auc)
  put(name, "roc", p, "auc.lower", ci[1]); put(name, "roc", p, "auc.upper", ci[3])
  put(name, "roc", p, "direction", if (r$direction == "<") 1 else -1)
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity", "tp", "tn"),
                 transpose = FALSE)
  put(name, "roc", p, "best.count", nrow(best))
  put(name, "roc", p, "threshold", best$threshold[1])
  put(name, "roc", p, "sensitivity", best$sensitivity[1])
  put(name, "roc", p, "specificity", best$specificity[1])
  ncase <- length(xp); nctrl <- length(xn)
  bs <- binom.test(round(best$tp[1]), ncase)$conf.int
  bp <- binom.test(round(best$tn[1]), nctrl)$conf.int
  put(name, "roc", p, "tp", best$tp[1]); put(name, "roc", p, "tn", best$tn[1])
  put(name, "roc", p, "sensitivity.lower", bs[1]); put(name, "roc", p, "sensitivity.upper", bs[2])
  put(name, "roc", p, "specificity.lower", bp[1]); put(name, "roc", p, "specificity.upper", bp[2])
}

icc <- function(name, item, r1, r2) {
  ok <- !is.na(r1) & !is.na(r2)
  x <- cbind(r1[ok], r2[ok])
  r <- suppressMessages(ICC(x, lmer = FALSE))$results
  put(name, "icc", item, "n", sum(ok))
  for (t in c("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")) {
    k <- which(r$type == t)
    put(name, "icc", item, paste0(t, ".ICC"), r$ICC[k]); put(name, "icc", item, paste0(t, ".F"), r$F[k])
    put(name, "icc", item, paste0(t, ".df1"), r$df1[k]); put(name, "icc", item, paste0(t, ".df2"), r$df2[k])
    put(name, "icc", item, paste0(t, ".p"), r$p[k])
    put(name, "icc", item, paste0(t, ".lower"), r[k, "lower bound"])
    put(name, "icc", item, paste0(t, ".upper"), r[k, "upper bound"])
  }
}

rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE, na.strings = c("", "NA"))
analyse("small_ties_missing", rd("small_ties_missing.csv"), "Group", "metastasis", c("A", "B", "C"),
        c("B", "C"), c("A", "C"))
analyse("groups_of_3", rd("groups_of_3.csv"), "Group", "case", c("X", "Y"), c("X", "Y"), c("X", "Y"))
analyse("separation", rd("separation.csv"), "Group", "1", c("X1", "X2"), c("X1", "X2"), c("X1", "X2"))

# Two readers' tables: their mean, matched by ROI name, and the ICC of each parameter.
readers <- function(name, f1, f2, params, model, pair) {
  e1 <- read.csv(f1, stringsAsFactors = FALSE, na.strings = "")
  e2 <- read.csv(f2, stringsAsFactors = FALSE, na.strings = "")
  e2 <- e2[match(e1$ROI, e2$ROI), ]
  comb <- e1[, c("ROI", "Group")]
  for (p in params) comb[[p]] <- (e1[[p]] + e2[[p]]) / 2
  analyse(name, comb, "Group", "metastasis", params, model, pair)
  for (p in params) icc(name, p, e1[[p]], e2[[p]])
}
params <- c("ADC", "D", "Dstar", "f", "DDC", "alpha")
# The bundled example study (synthetic, Table 1 means and SDs in 1e-3 mm^2/s).
ex <- "src/main/resources/org/ivimj/stats"
readers("example", file.path(ex, "example_reader1.csv"), file.path(ex, "example_reader2.csv"), params, c("Dstar", "f"), c("Dstar", "f"))
# A study made by the product: macros/ivim_study_example.ijm with 35 phantom patients (70 lesions),
# its two readers' tables as the macro wrote them (make_study70.sh).
readers("study70", file.path(dir, "study70_reader1.csv"), file.path(dir, "study70_reader2.csv"), params, c("Dstar", "f"), c("Dstar", "f"))
# Issue 10 item 2: glm converges with a fitted probability within 1e-8 of 1 (make_dstar_f_70.R).
analyse("dstar_f_70", rd("dstar_f_70.csv"), "Group", "metastasis", c("Dstar", "f"), c("Dstar", "f"), c("Dstar", "f"))
ic <- rd("icc_small.csv")
icc("icc_small", "R1 vs R2", ic$R1, ic$R2)

# Clopper-Pearson intervals on their own, including the edges.
for (k in list(c(0, 10), c(10, 10), c(1, 1), c(40, 50), c(13, 20), c(3, 7))) {
  b <- binom.test(k[1], k[2])$conf.int
  put("binom", "clopper", paste0(k[1], "/", k[2]), "lower", b[1])
  put("binom", "clopper", paste0(k[1], "/", k[2]), "upper", b[2])
  b <- binom.test(k[1], k[2], conf.level = 0.9)$conf.int
  put("binom", "clopper90", paste0(k[1], "/", k[2]), "lower", b[1])
  put("binom", "clopper90", paste0(k[1], "/", k[2]), "upper", b[2])
}

# Shapiro-Wilk on its own over the sample sizes where AS R94 changes branch (3, 4-11, 12+).
set.seed(7)
for (n in c(3, 4, 5, 7, 11, 12, 20, 50, 200)) {
  v <- round(rexp(n), 3)
  sw <- shapiro.test(v)
  put("shapiro", paste(v, collapse = ";"), paste0("n", n), "W", sw$statistic)
  put("shapiro", paste(v, collapse = ";"), paste0("n", n), "p", sw$p.value)
}
write.csv(do.call(rbind, rows), file.path(dir, "fixtures.csv"), row.names = FALSE, quote = TRUE)
cat("R", R.version$major, R.version$minor, "pROC", as.character(packageVersion("pROC")),
    "psych", as.character(packageVersion("psych")),
    "brglm2", as.character(packageVersion("brglm2")), "lpSolve", as.character(packageVersion("lpSolve")), "\n")

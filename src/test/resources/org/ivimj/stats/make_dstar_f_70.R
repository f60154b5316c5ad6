# Generates dstar_f_70.csv: 70 lesions (50 spinal metastases, 20 tuberculous spondylitis) with D*
# (mm^2/s) and f drawn from the paper's Table 1 mean +- SD, the seed paper's logistic model D* + f.
# The seed was chosen (the first with B for D* near 405 in a search over seeds 1-20000) so that R's
# glm converges (B for D* 404.9, SE 144, p 0.005) while one fitted probability lies within 1e-8 of
# 1: the case of issue 10 item 2, where the product used to report "separation" and NaN. The
# outcome is not separated (make_fixtures.R checks it with Konis's linear program).
# Run from the project root:  Rscript src/test/resources/org/ivimj/stats/make_dstar_f_70.R
set.seed(14329)
m <- data.frame(Group = "metastasis", Dstar = rnorm(50, 0.03387, 0.00687), f = rnorm(50, 0.25, 0.15))
t <- data.frame(Group = "tuberculosis", Dstar = rnorm(20, 0.02196, 0.00782), f = rnorm(20, 0.45, 0.20))
d <- rbind(m, t)
d$Dstar <- signif(pmin(0.2, pmax(0.005, d$Dstar)), 6)
d$f <- signif(pmin(0.95, pmax(0.01, d$f)), 6)
d <- data.frame(ROI = c(sprintf("M%02d", 1:50), sprintf("T%02d", 1:20)), d)
g <- glm(I(Group == "metastasis") ~ Dstar + f, binomial, d)
stopifnot(g$converged, max(fitted(g)) > 1 - 1e-8 || min(fitted(g)) < 1e-8)
write.csv(d, "src/test/resources/org/ivimj/stats/dstar_f_70.csv", row.names = FALSE, quote = FALSE)
print(coef(summary(g))); print(range(fitted(g)))

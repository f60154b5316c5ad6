# Generates the bundled synthetic example study (two readers' ROI tables) used by the
# "IVIM Example Study" command and macros/ivim_statistics_example.ijm.
# 50 spinal metastases and 20 tuberculous spondylitis lesions drawn with the group means/SDs of
# Table 1 of the paper (D-like values in 1e-3 mm^2/s, f and alpha unitless). Each lesion has a
# true value; each reader measures it with independent noise (30% of the group SD), so the
# readers agree well (ICC about 0.9) and the mean of the two readers has about the paper's SD.
# Reader 2 could not measure D* of T07 (empty cell), and lists the lesions in a different order,
# to exercise matching by ROI name and missing values.
# Run from the project root:  Rscript src/test/resources/org/ivimj/stats/make_example_study.R
set.seed(20240317)
params <- c("ADC", "D", "Dstar", "f", "DDC", "alpha")
groups <- list(
  metastasis   = list(n = 50, prefix = "M", mean = c(1.05, 0.85, 33.87, 0.25, 1.17, 0.75),
                      sd = c(0.27, 0.28, 6.87, 0.15, 0.44, 0.09)),
  tuberculosis = list(n = 20, prefix = "T", mean = c(1.11, 0.77, 21.96, 0.45, 1.22, 0.77),
                      sd = c(0.25, 0.35, 7.82, 0.20, 0.34, 0.10)))
lo <- c(0.10, 0.05, 2.0, 0.01, 0.10, 0.30)
hi <- c(3.00, 3.00, 90, 0.95, 3.00, 1.00)
r1 <- NULL; r2 <- NULL
for (g in names(groups)) {
  p <- groups[[g]]
  roi <- sprintf("%s%02d", p$prefix, seq_len(p$n))
  truth <- sapply(1:6, function(j) rnorm(p$n, p$mean[j], 0.95 * p$sd[j]))
  read <- function() {
    x <- sapply(1:6, function(j) pmin(hi[j], pmax(lo[j], truth[, j] + rnorm(p$n, 0, 0.3 * p$sd[j]))))
    x <- signif(x, 4)
    colnames(x) <- params
    data.frame(ROI = roi, Group = g, x, stringsAsFactors = FALSE)
  }
  r1 <- rbind(r1, read())
  r2 <- rbind(r2, read())
}
r2$Dstar[r2$ROI == "T07"] <- NA
r2 <- r2[rev(seq_len(nrow(r2))), ]
out <- "src/main/resources/org/ivimj/stats"
write.table(r1, file.path(out, "example_reader1.csv"), sep = ",", quote = FALSE, row.names = FALSE, na = "")
write.table(r2, file.path(out, "example_reader2.csv"), sep = ",", quote = FALSE, row.names = FALSE, na = "")

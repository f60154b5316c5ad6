package org.ivimj.stats;

import java.util.List;

/**
 * One static entry point to IVIM-J's statistics, for plugins and scripts alike (no ImageJ needed).
 * Arrays hold one group's values without NaN unless stated; the "positive" group is the cases of
 * the ROC and the outcome 1 of the logistic model. Every method mirrors the R function named in
 * its class's documentation (see docs/statistics.md).
 */
public final class IvimStatistics {

	private IvimStatistics() {}

	/** n, mean, SD, median and quartiles (R type 7). */
	public static GroupDescriptives describe(double[] values) {
		return GroupDescriptives.of(values);
	}

	/** Shapiro–Wilk normality test (R's {@code shapiro.test}). */
	public static ShapiroWilkTest.Result shapiroWilk(double[] values) {
		return ShapiroWilkTest.test(values);
	}

	/** Student's t-test (R's {@code t.test(var.equal = TRUE)}). */
	public static TwoSampleTTest.Result studentT(double[] positive, double[] negative) {
		return TwoSampleTTest.student(positive, negative);
	}

	/** Welch's t-test (R's {@code t.test}). */
	public static TwoSampleTTest.Result welchT(double[] positive, double[] negative) {
		return TwoSampleTTest.welch(positive, negative);
	}

	/** Mann–Whitney U (R's {@code wilcox.test}). */
	public static MannWhitneyTest.Result mannWhitney(double[] positive, double[] negative) {
		return MannWhitneyTest.test(positive, negative);
	}

	/** Normality check then t-test or Mann–Whitney, or the forced test (Table 2). */
	public static GroupComparison.Result compare(double[] positive, double[] negative, GroupComparison.Choice choice, double alpha) {
		return GroupComparison.compare(positive, negative, choice, alpha);
	}

	/** Logistic regression with intercept (R's {@code glm(family = binomial)}; Table 3). */
	public static LogisticRegression.Result logistic(double[][] x, boolean[] positive, String[] names, double confidence) {
		return LogisticRegression.fit(x, positive, names, confidence);
	}

	/** Firth's penalised logistic regression (R's brglm2, {@code type = "AS_mean"}); finite under separation. */
	public static LogisticRegression.Result firth(double[][] x, boolean[] positive, String[] names, double confidence) {
		return LogisticRegression.firth(x, positive, names, confidence);
	}

	/** ROC with DeLong CI and Youden cut-off (pROC; Table 4); direction null = detect. */
	public static DeLongRoc.Result roc(double[] positive, double[] negative, DeLongRoc.Direction direction, double confidence) {
		return DeLongRoc.analyse(positive, negative, direction, confidence);
	}

	/** DeLong's test of two ROC curves on the same observations (pROC's {@code roc.test}). */
	public static DeLongRoc.Comparison rocTest(DeLongRoc.Result a, DeLongRoc.Result b) {
		return DeLongRoc.compare(a, b);
	}

	/** Exact binomial CI (R's {@code binom.test}). */
	public static double[] clopperPearson(int successes, int trials, double confidence) {
		return ClopperPearson.interval(successes, trials, confidence);
	}

	/** The six ICC forms (psych's {@code ICC(lmer = FALSE)}); ratings[subject][reader], complete. */
	public static List<IntraclassCorrelation.Form> icc(double[][] ratings, double confidence) {
		return IntraclassCorrelation.compute(ratings, confidence);
	}

	/** The paper's verbal grade of an ICC ("excellent agreement", …). */
	public static String agreementGrade(double icc) {
		return IntraclassCorrelation.grade(icc);
	}

	/** Splits per-observation values by outcome: {values of positives, values of negatives}. */
	public static double[][] splitByOutcome(double[] values, boolean[] positive) {
		int np = 0;
		for (boolean b : positive) if (b) np++;
		double[] pos = new double[np], neg = new double[values.length - np];
		int a = 0, b = 0;
		for (int i = 0; i < values.length; i++) {
			if (positive[i]) pos[a++] = values[i];
			else neg[b++] = values[i];
		}
		return new double[][] {pos, neg};
	}
}

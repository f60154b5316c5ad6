package org.ivimj.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Intraclass correlation of n subjects rated by k readers, the six Shrout–Fleiss / McGraw–Wong
 * forms as R's {@code psych::ICC(x, lmer = FALSE)} computes them from the two-way ANOVA mean
 * squares, each with its F test and F-distribution confidence interval. The paper's form is
 * two-way random effects, absolute agreement ({@code ICC2}/{@code ICC2k}).
 */
public final class IntraclassCorrelation {

	/** One ICC form. */
	public static final class Form {
		/** psych's name: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k. */
		public final String type;
		/** Plain-words name, e.g. "two-way random, absolute agreement, single measures". */
		public final String description;
		public final double icc, f, df1, df2, p, lower, upper;

		Form(String type, String description, double icc, double f, double df1, double df2, double p, double lower, double upper) {
			this.type = type;
			this.description = description;
			this.icc = icc;
			this.f = f;
			this.df1 = df1;
			this.df2 = df2;
			this.p = p;
			this.lower = lower;
			this.upper = upper;
		}
	}

	/** The paper's verbal grades: upper bound (inclusive, on the ICC rounded to 2 decimals) and wording. */
	private static final double[] GRADE_LIMITS = {0.20, 0.40, 0.60, 0.80};
	private static final String[] GRADES = {"poor agreement", "fair agreement", "moderate agreement", "good agreement",
		"excellent agreement"};

	private IntraclassCorrelation() {}

	/**
	 * The paper's wording for an ICC: 0.00–0.20 poor, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80
	 * good, 0.81–1.00 excellent agreement. The ICC is rounded to 2 decimals first, as the scale is
	 * printed; negative values are graded poor.
	 */
	public static String grade(double icc) {
		if (Double.isNaN(icc)) return "";
		double r = Math.round(icc * 100) / 100.0;
		for (int i = 0; i < GRADE_LIMITS.length; i++)
			if (r <= GRADE_LIMITS[i]) return GRADES[i];
		return GRADES[GRADES.length - 1];
	}

	/**
	 * Computes all six forms.
	 *
	 * @param ratings one row per subject, one column per reader; complete (no NaN); at least 2 × 2
	 * @param confidence e.g. 0.95
	 */
	public static List<Form> compute(double[][] ratings, double confidence) {
		int n = ratings.length;
		if (n < 2) throw new IllegalArgumentException("ICC needs at least 2 subjects rated by every reader");
		int k = ratings[0].length;
		if (k < 2) throw new IllegalArgumentException("ICC needs at least 2 readers");
		double grand = 0;
		double[] rowMean = new double[n], colMean = new double[k];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++) {
				double v = ratings[i][j];
				if (Double.isNaN(v)) throw new IllegalArgumentException("ICC ratings must be complete");
				grand += v;
				rowMean[i] += v / k;
				colMean[j] += v / n;
			}
		grand /= n * k;
		double ssb = 0, ssj = 0, sst = 0;
		for (int i = 0; i < n; i++) ssb += k * (rowMean[i] - grand) * (rowMean[i] - grand);
		for (int j = 0; j < k; j++) ssj += n * (colMean[j] - grand) * (colMean[j] - grand);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++) sst += (ratings[i][j] - grand) * (ratings[i][j] - grand);
		double sse = sst - ssb - ssj;
		double msb = ssb / (n - 1), msj = ssj / (k - 1), mse = sse / ((n - 1) * (k - 1)), msw = (ssj + sse) / (n * (k - 1));
		double icc1 = (msb - msw) / (msb + (k - 1) * msw);
		double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
		double icc3 = (msb - mse) / (msb + (k - 1) * mse);
		double icc1k = (msb - msw) / msb;
		double icc2k = (msb - mse) / (msb + (msj - mse) / n);
		double icc3k = (msb - mse) / msb;
		double f11 = msb / msw, df11n = n - 1, df11d = n * (k - 1);
		double f21 = msb / mse, df21n = n - 1, df21d = (n - 1) * (k - 1);
		double p11 = upperF(f11, df11n, df11d), p21 = upperF(f21, df21n, df21d);
		double q = 1 - (1 - confidence) / 2;
		double f1l = f11 / qf(q, df11n, df11d), f1u = f11 * qf(q, df11d, df11n);
		double f3l = f21 / qf(q, df21n, df21d), f3u = f21 * qf(q, df21d, df21n);
		// McGraw & Wong's approximate df for absolute agreement (random readers).
		double fj = msj / mse;
		double vn = (k - 1) * (n - 1) * Math.pow(k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2, 2);
		double vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + Math.pow(n * (1 + (k - 1) * icc2) - k * icc2, 2);
		double v = vn / vd;
		double fu = qf(q, n - 1, v), fl = qf(q, v, n - 1);
		double l2 = n * (msb - fu * mse) / (fu * (k * msj + (k * n - k - n) * mse) + n * msb);
		double u2 = n * (fl * msb - mse) / (k * msj + (k * n - k - n) * mse + n * fl * msb);
		List<Form> forms = new ArrayList<>();
		forms.add(new Form("ICC1", "one-way random, single measures", icc1, f11, df11n, df11d, p11,
			(f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)));
		forms.add(new Form("ICC2", "two-way random, absolute agreement, single measures", icc2, f21, df21n, df21d, p21, l2, u2));
		forms.add(new Form("ICC3", "two-way, consistency, single measures", icc3, f21, df21n, df21d, p21,
			(f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)));
		forms.add(new Form("ICC1k", "one-way random, average measures", icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u));
		forms.add(new Form("ICC2k", "two-way random, absolute agreement, average measures", icc2k, f21, df21n, df21d, p21,
			l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))));
		forms.add(new Form("ICC3k", "two-way, consistency, average measures", icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l,
			1 - 1 / f3u));
		return Collections.unmodifiableList(forms);
	}

	private static double qf(double p, double df1, double df2) {
		return new FDistribution(null, df1, df2, 1e-13).inverseCumulativeProbability(p);
	}

	/** Upper tail of F through the incomplete beta, precise even for tiny p. */
	private static double upperF(double f, double df1, double df2) {
		if (Double.isNaN(f)) return Double.NaN;
		if (f <= 0) return 1;
		if (Double.isInfinite(f)) return 0;
		return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
	}
}

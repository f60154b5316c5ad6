package org.ivimj.stats;

/**
 * Compares one parameter between two groups as in Table 2 of the paper: Shapiro–Wilk in each group,
 * then a t-test if both look normal or Mann–Whitney U otherwise; or the test the user forces.
 */
public final class GroupComparison {

	/** Which test to run. */
	public enum Choice {
		/** Student's t if both groups pass Shapiro–Wilk (p ≥ α), else Mann–Whitney U (SPSS-style default). */
		AUTO_STUDENT("auto-student"),
		/** Welch's t if both groups pass Shapiro–Wilk (p ≥ α), else Mann–Whitney U. */
		AUTO_WELCH("auto-welch"),
		STUDENT("student"),
		WELCH("welch"),
		MANN_WHITNEY("mann-whitney");

		/** The macro keyword. */
		public final String key;

		Choice(String key) {
			this.key = key;
		}

		/** The choice with this macro keyword (case-insensitive), or null. */
		public static Choice fromKey(String key) {
			for (Choice c : values())
				if (c.key.equalsIgnoreCase(key.trim())) return c;
			return null;
		}
	}

	/** Names of the tests as written in the output's "Test" column. */
	public static final String STUDENT_T = "Student t", WELCH_T = "Welch t", MANN_WHITNEY_U = "Mann-Whitney U";

	/** The outcome for one parameter. */
	public static final class Result {
		/** Shapiro–Wilk W and p of the positive and the negative group (NaN when undefined: n &lt; 3 or constant). */
		public final double swWPositive, swPPositive, swWNegative, swPNegative;
		/** The test used: {@link #STUDENT_T}, {@link #WELCH_T} or {@link #MANN_WHITNEY_U}. */
		public final String test;
		/** t (positive minus negative) or W (Mann–Whitney U of the positive group). */
		public final double statistic;
		/** Degrees of freedom for t-tests, NaN for Mann–Whitney. */
		public final double df;
		public final double p;
		/** Why this test was chosen, or how p was computed. */
		public final String note;

		Result(double[] sw, String test, double statistic, double df, double p, String note) {
			this.swWPositive = sw[0];
			this.swPPositive = sw[1];
			this.swWNegative = sw[2];
			this.swPNegative = sw[3];
			this.test = test;
			this.statistic = statistic;
			this.df = df;
			this.p = p;
			this.note = note;
		}
	}

	private GroupComparison() {}

	/**
	 * Compares the positive group's values with the negative group's (no NaN; at least 2 values each).
	 *
	 * @param alpha the Shapiro–Wilk level below which a group counts as non-normal (e.g. 0.05)
	 */
	public static Result compare(double[] positive, double[] negative, Choice choice, double alpha) {
		if (positive.length < 2 || negative.length < 2)
			throw new IllegalArgumentException("each group needs at least 2 values");
		double[] sw = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
		if (ShapiroWilkTest.applicable(positive)) {
			ShapiroWilkTest.Result r = ShapiroWilkTest.test(positive);
			sw[0] = r.w;
			sw[1] = r.p;
		}
		if (ShapiroWilkTest.applicable(negative)) {
			ShapiroWilkTest.Result r = ShapiroWilkTest.test(negative);
			sw[2] = r.w;
			sw[3] = r.p;
		}
		String note;
		Choice use = choice;
		if (choice == Choice.AUTO_STUDENT || choice == Choice.AUTO_WELCH) {
			// NaN p (n < 3 or constant values) means normality cannot be checked, so be non-parametric.
			boolean normal = sw[1] >= alpha && sw[3] >= alpha;
			use = !normal ? Choice.MANN_WHITNEY : choice == Choice.AUTO_STUDENT ? Choice.STUDENT : Choice.WELCH;
			note = normal ? "Shapiro-Wilk p >= " + alpha + " in both groups"
				: Double.isNaN(sw[1]) || Double.isNaN(sw[3]) ? "normality not testable (n < 3 or constant values)"
				: "non-normal group (Shapiro-Wilk p < " + alpha + ")";
		}
		else note = "forced by user";
		switch (use) {
			case STUDENT: {
				TwoSampleTTest.Result t = TwoSampleTTest.student(positive, negative);
				return new Result(sw, STUDENT_T, t.t, t.df, t.p, note);
			}
			case WELCH: {
				TwoSampleTTest.Result t = TwoSampleTTest.welch(positive, negative);
				return new Result(sw, WELCH_T, t.t, t.df, t.p, note);
			}
			default: {
				MannWhitneyTest.Result m = MannWhitneyTest.test(positive, negative);
				return new Result(sw, MANN_WHITNEY_U, m.w, Double.NaN, m.p,
					note + (m.exact ? "; exact p" : "; normal approximation with continuity and tie correction"));
			}
		}
	}
}

package org.ivimj.stats;

import java.util.Arrays;
import java.util.TreeSet;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Non-parametric (empirical) ROC analysis as R's pROC: AUC (Mann–Whitney, ties count ½) with
 * DeLong's variance and 95% CI ({@code ci.auc(method = "delong")}, clipped to [0, 1]); direction
 * detected from the group medians ({@code direction = "auto"}) or set; cut-offs halfway between
 * consecutive distinct values; the cut-off maximising Youden's J = sensitivity + specificity − 1
 * ({@code coords(best.method = "youden")}; among ties the first in order of increasing specificity,
 * as pROC lists them); exact Clopper–Pearson CIs of sensitivity and specificity there; and
 * DeLong's test of two correlated AUCs ({@code roc.test(method = "delong", paired = TRUE)}).
 */
public final class DeLongRoc {

	/** Which group is expected to have the higher values. */
	public enum Direction {
		/** Positive group (cases) has higher values: positive if value &gt; cut-off (pROC "&lt;"). */
		HIGHER("higher", ">"),
		/** Positive group (cases) has lower values: positive if value &lt; cut-off (pROC "&gt;"). */
		LOWER("lower", "<");

		/** Macro keyword and the comparison applied to the cut-off. */
		public final String key, rule;

		Direction(String key, String rule) {
			this.key = key;
			this.rule = rule;
		}
	}

	/** The ROC analysis of one predictor. */
	public static final class Result {
		public final int nCases, nControls;
		public final Direction direction;
		public final double auc, variance, aucLower, aucUpper;
		/** Youden-optimal cut-off (original scale) and how many cut-offs tie for the maximum. */
		public final double cutoff;
		public final int tiedCutoffs;
		public final int truePositives, trueNegatives;
		public final double sensitivity, specificity, youden;
		public final double sensitivityLower, sensitivityUpper, specificityLower, specificityUpper;
		/** Curve points, from (0,0) to (1,1): false-positive rate (1 − specificity) and sensitivity. */
		public final double[] fpr, tpr;
		final double[] casePlacements, controlPlacements;

		Result(int nCases, int nControls, Direction direction, double auc, double variance, double[] ci, double cutoff,
			int tied, int tp, int tn, double[] sensCi, double[] specCi, double[] fpr, double[] tpr, double[] v10, double[] v01) {
			this.nCases = nCases;
			this.nControls = nControls;
			this.direction = direction;
			this.auc = auc;
			this.variance = variance;
			this.aucLower = ci[0];
			this.aucUpper = ci[1];
			this.cutoff = cutoff;
			this.tiedCutoffs = tied;
			this.truePositives = tp;
			this.trueNegatives = tn;
			this.sensitivity = tp / (double) nCases;
			this.specificity = tn / (double) nControls;
			this.youden = sensitivity + specificity - 1;
			this.sensitivityLower = sensCi[0];
			this.sensitivityUpper = sensCi[1];
			this.specificityLower = specCi[0];
			this.specificityUpper = specCi[1];
			this.fpr = fpr;
			this.tpr = tpr;
			this.casePlacements = v10;
			this.controlPlacements = v01;
		}
	}

	/** DeLong's test of two correlated AUCs. */
	public static final class Comparison {
		public final double auc1, auc2, difference, z, p;

		Comparison(double auc1, double auc2, double z, double p) {
			this.auc1 = auc1;
			this.auc2 = auc2;
			this.difference = auc1 - auc2;
			this.z = z;
			this.p = p;
		}
	}

	private DeLongRoc() {}

	/** pROC's automatic direction: cases higher unless the controls' median exceeds the cases'. */
	public static Direction detectDirection(double[] cases, double[] controls) {
		double[] c = cases.clone(), k = controls.clone();
		Arrays.sort(c);
		Arrays.sort(k);
		return GroupDescriptives.quantile(k, 0.5) <= GroupDescriptives.quantile(c, 0.5) ? Direction.HIGHER : Direction.LOWER;
	}

	/**
	 * Analyses predictor values of cases (positive group) and controls (no NaN, at least one each).
	 *
	 * @param direction null to detect it as pROC does
	 */
	public static Result analyse(double[] cases, double[] controls, Direction direction, double confidence) {
		if (cases.length < 1 || controls.length < 1) throw new IllegalArgumentException("ROC needs at least one case and one control");
		Direction dir = direction != null ? direction : detectDirection(cases, controls);
		// Work on a scale where cases are higher; the LOWER direction is the same analysis on −x.
		double s = dir == Direction.HIGHER ? 1 : -1;
		double[] xc = scale(cases, s), xk = scale(controls, s);
		int m = xc.length, n = xk.length;
		double[] v10 = new double[m], v01 = new double[n];
		double sum = 0;
		for (int i = 0; i < m; i++)
			for (int j = 0; j < n; j++) {
				double psi = xc[i] > xk[j] ? 1 : xc[i] == xk[j] ? 0.5 : 0;
				v10[i] += psi;
				v01[j] += psi;
				sum += psi;
			}
		for (int i = 0; i < m; i++) v10[i] /= n;
		for (int j = 0; j < n; j++) v01[j] /= m;
		double auc = sum / ((double) m * n);
		double variance = Double.NaN;
		double[] ci = {Double.NaN, Double.NaN};
		if (m > 1 && n > 1) {
			variance = sq(v10, auc) / (m - 1) / m + sq(v01, auc) / (n - 1) / n;
			double z = new NormalDistribution(null, 0, 1, 1e-14).inverseCumulativeProbability(1 - (1 - confidence) / 2);
			double sd = Math.sqrt(variance);
			ci = new double[] {Math.max(0, auc - z * sd), Math.min(1, auc + z * sd)};
			if (sd == 0) ci = new double[] {auc, auc};
		}
		// Cut-offs: −∞, midpoints between consecutive distinct values, +∞ (increasing = increasing specificity).
		TreeSet<Double> distinct = new TreeSet<>();
		for (double v : xc) distinct.add(v);
		for (double v : xk) distinct.add(v);
		Double[] u = distinct.toArray(new Double[0]);
		int nt = u.length + 1;
		double[] fpr = new double[nt], tpr = new double[nt];
		double best = Double.NEGATIVE_INFINITY, bestCut = Double.NaN;
		int bestTp = 0, bestTn = 0, tied = 0;
		for (int t = 0; t < nt; t++) {
			double cut = t == 0 ? Double.NEGATIVE_INFINITY : t == u.length ? Double.POSITIVE_INFINITY : (u[t - 1] + u[t]) / 2;
			int tp = 0, tn = 0;
			for (double v : xc) if (v > cut) tp++;
			for (double v : xk) if (v < cut) tn++;
			double se = tp / (double) m, sp = tn / (double) n;
			fpr[nt - 1 - t] = 1 - sp;
			tpr[nt - 1 - t] = se;
			double crit = se + sp;
			if (crit > best) {
				best = crit;
				bestCut = cut;
				bestTp = tp;
				bestTn = tn;
				tied = 1;
			}
			else if (crit == best) tied++;
		}
		double[] sensCi = ClopperPearson.interval(bestTp, m, confidence);
		double[] specCi = ClopperPearson.interval(bestTn, n, confidence);
		return new Result(m, n, dir, auc, variance, ci, s * bestCut, tied, bestTp, bestTn, sensCi, specCi, fpr, tpr, v10, v01);
	}

	/**
	 * DeLong's test that two AUCs measured on the same cases and controls (in the same order) are
	 * equal; two-sided.
	 */
	public static Comparison compare(Result a, Result b) {
		int m = a.nCases, n = a.nControls;
		if (b.nCases != m || b.nControls != n) throw new IllegalArgumentException("paired ROC curves need the same cases and controls");
		if (m < 2 || n < 2) throw new IllegalArgumentException("DeLong's test needs at least 2 cases and 2 controls");
		double s10aa = cov(a.casePlacements, a.auc, a.casePlacements, a.auc) / (m - 1);
		double s10bb = cov(b.casePlacements, b.auc, b.casePlacements, b.auc) / (m - 1);
		double s10ab = cov(a.casePlacements, a.auc, b.casePlacements, b.auc) / (m - 1);
		double s01aa = cov(a.controlPlacements, a.auc, a.controlPlacements, a.auc) / (n - 1);
		double s01bb = cov(b.controlPlacements, b.auc, b.controlPlacements, b.auc) / (n - 1);
		double s01ab = cov(a.controlPlacements, a.auc, b.controlPlacements, b.auc) / (n - 1);
		double var = (s10aa + s10bb - 2 * s10ab) / m + (s01aa + s01bb - 2 * s01ab) / n;
		double d = a.auc - b.auc;
		double z = d / Math.sqrt(var);
		if (Double.isNaN(z) && d == 0 && var == 0) z = 0;
		double p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
		return new Comparison(a.auc, b.auc, z, p);
	}

	private static double[] scale(double[] v, double s) {
		double[] r = new double[v.length];
		for (int i = 0; i < v.length; i++) r[i] = s * v[i];
		return r;
	}

	private static double sq(double[] v, double mean) {
		return cov(v, mean, v, mean);
	}

	private static double cov(double[] x, double mx, double[] y, double my) {
		double s = 0;
		for (int i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
		return s;
	}
}

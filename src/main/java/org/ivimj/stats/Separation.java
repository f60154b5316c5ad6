package org.ivimj.stats;

import java.util.ArrayList;
import java.util.Collection;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Whether a binary outcome is completely or quasi-completely separated by a linear predictor, the
 * one case where the logistic maximum-likelihood estimates do not exist (Albert and Anderson 1984):
 * some direction β ≠ 0 has x·β ≥ 0 for every positive and x·β ≤ 0 for every negative observation,
 * with at least one inequality strict, so moving along β raises the likelihood for ever. Found as
 * Konis (2007) does (R's {@code detectseparation}): with x̄ = x for positives and −x for negatives,
 * maximise Σ x̄·β subject to x̄·β ≥ 0 and −1 ≤ βj ≤ 1; the data are separated iff the maximum is
 * above zero. A fitted probability near 0 or 1 alone is not separation.
 */
public final class Separation {

	/** Relative size below which the LP optimum counts as zero (the columns are scaled to unit range). */
	private static final double TOLERANCE = 1e-7;

	private Separation() {}

	/**
	 * @param design one row per observation, the intercept column included
	 * @param positive the outcome of each observation
	 * @return a separating direction on the design's scale, or null if the outcome is not separated
	 */
	public static double[] direction(double[][] design, boolean[] positive) {
		int n = design.length;
		if (n == 0) return null;
		int k = design[0].length;
		// Scale each column to unit maximum so the box −1 ≤ β ≤ 1 and the tolerance mean the same for every parameter.
		double[] scale = new double[k];
		for (double[] row : design) for (int j = 0; j < k; j++) scale[j] = Math.max(scale[j], Math.abs(row[j]));
		for (int j = 0; j < k; j++) if (scale[j] == 0) scale[j] = 1;
		double[] objective = new double[k];
		Collection<LinearConstraint> constraints = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double[] a = new double[k];
			for (int j = 0; j < k; j++) a[j] = (positive[i] ? 1 : -1) * design[i][j] / scale[j];
			for (int j = 0; j < k; j++) objective[j] += a[j];
			constraints.add(new LinearConstraint(a, Relationship.GEQ, 0));
		}
		for (int j = 0; j < k; j++) {
			double[] e = new double[k];
			e[j] = 1;
			constraints.add(new LinearConstraint(e, Relationship.LEQ, 1));
			constraints.add(new LinearConstraint(e, Relationship.GEQ, -1));
		}
		PointValuePair best = new SimplexSolver(1e-12, 10, 1e-14).optimize(new MaxIter(1_000_000),
			new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MAXIMIZE,
			new NonNegativeConstraint(false));
		if (best.getValue() <= TOLERANCE * n) return null;
		double[] beta = best.getPoint().clone();
		for (int j = 0; j < k; j++) beta[j] /= scale[j];
		return beta;
	}
}

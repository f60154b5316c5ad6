package org.ivimj.fit;

import org.ivimj.model.SampledSignalModel;

/**
 * Box-constrained Levenberg–Marquardt least squares for a {@link SampledSignalModel} with a few
 * parameters, written for the per-voxel loop: every array is allocated once, in the constructor.
 * <p>
 * Why not Commons Math's {@code LevenbergMarquardtOptimizer}: it allocates vectors, matrices and
 * builder objects on every call and has no bounds, which keeps it two orders of magnitude below the
 * voxels per second this project needs. Here the normal equations are formed directly, scaled to unit
 * diagonal (Marquardt's scaling, so S0 ~ 1000 and D ~ 0.001 are treated alike) and solved by a small
 * Cholesky factorisation. Each trial point is evaluated once, with its Jacobian, into a second buffer
 * that becomes the current one when the step is accepted, so no curve is computed twice. Bounds are
 * handled by projection with an active set: a parameter on a bound whose gradient points outward is
 * held there for that step. Parameters can also be fixed (the segmented fit holds D).
 */
public final class BoundedLevenbergMarquardt {

	/** Result codes of {@link #solve}. */
	public static final int CONVERGED = 0, ITERATION_LIMIT = 1, NON_FINITE = 2;

	private final SampledSignalModel model;
	private final int n, m;
	private double[] values, trialValues;
	private double[] jac, trialJac;
	private double[] curv, trialCurv; // Σ r ∇²S, when the model provides it (Newton instead of Gauss–Newton)
	private final boolean newton;
	private final double[] grad, normal, chol, scale, step, trial, work;
	private final boolean[] free;
	private final int[] freeIndex;

	private double[] y; // the signal of the current solve, for the residuals
	private int maxIterations = 200;
	private double cost = Double.NaN;
	private int iterations;

	public BoundedLevenbergMarquardt(SampledSignalModel model) {
		this.model = model;
		this.n = model.parameterCount();
		this.m = model.size();
		values = new double[m];
		trialValues = new double[m];
		jac = new double[m * n];
		trialJac = new double[m * n];
		newton = model.hasCurvature();
		curv = new double[n * n];
		trialCurv = new double[n * n];
		grad = new double[n];
		normal = new double[n * n];
		chol = new double[n * n];
		scale = new double[n];
		step = new double[n];
		trial = new double[n];
		work = new double[n];
		free = new boolean[n];
		freeIndex = new int[n];
	}

	public void setMaxIterations(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	/** Residual sum of squares at the current point (the solution after {@link #solve}). */
	public double rss() {
		return cost;
	}

	/** Iterations of the last {@link #solve}. */
	public int iterations() {
		return iterations;
	}

	/**
	 * Minimises Σ (y_i − S(b_i; p))² over the non-fixed parameters within [lo, hi].
	 *
	 * @param y signals, one per b-value of the model
	 * @param p start on entry (clamped into the bounds), solution on return
	 * @param fixed parameters held at their start value; null fits all
	 * @return {@link #CONVERGED}, {@link #ITERATION_LIMIT} or {@link #NON_FINITE}
	 */
	public int solve(double[] signal, double[] p, double[] lo, double[] hi, boolean[] fixed) {
		for (int k = 0; k < n; k++) p[k] = Math.min(hi[k], Math.max(lo[k], p[k]));
		iterations = 0;
		if (!Double.isFinite(evaluateAt(signal, p))) return NON_FINITE;
		double yy = 0;
		for (int i = 0; i < m; i++) yy += y[i] * y[i];
		// Damping on the unit-diagonal scaled system, updated by Nielsen's gain-ratio rule.
		double lambda = 1e-3, nu = 2;
		while (iterations < maxIterations) {
			iterations++;
			if (cost <= 1e-30 * yy) return CONVERGED;
			// Active set: hold parameters that sit on a bound and want to leave the box.
			int nf = 0;
			double maxCos = 0;
			for (int k = 0; k < n; k++) {
				double dk = normal[k * n + k];
				boolean f = (fixed == null || !fixed[k]) && dk > 0
					&& !(p[k] <= lo[k] && grad[k] < 0) && !(p[k] >= hi[k] && grad[k] > 0);
				free[k] = f;
				if (f) {
					freeIndex[nf++] = k;
					scale[k] = Math.sqrt(dk);
					maxCos = Math.max(maxCos, Math.abs(grad[k]) / (scale[k] * Math.sqrt(cost)));
				}
			}
			// Residual orthogonal to every free Jacobian column (MINPACK's gtol): at the minimum.
			if (nf == 0 || maxCos < 1e-10) return CONVERGED;
			double newCost = Double.NaN, predicted = 0;
			boolean accepted = false;
			while (lambda <= 1e16) {
				if (!solveDamped(nf, lambda)) {
					lambda *= nu;
					nu *= 2;
					continue;
				}
				// Decrease the linearised model promises for this step (scaled: z·(g̃ + λz)).
				predicted = 0;
				for (int a = 0; a < nf; a++) {
					int k = freeIndex[a];
					double z = step[k] * scale[k];
					predicted += z * (grad[k] / scale[k] + lambda * z);
				}
				if (!(predicted > 1e-14 * cost)) return CONVERGED; // nothing left to gain
				boolean moved = false;
				for (int k = 0; k < n; k++) {
					double t = p[k];
					if (free[k]) {
						t = Math.min(hi[k], Math.max(lo[k], p[k] + step[k]));
						if (t != p[k]) moved = true;
					}
					trial[k] = t;
				}
				if (!moved) return CONVERGED;
				newCost = trialCost();
				if (newCost < cost) {
					accepted = true;
					break;
				}
				lambda *= nu;
				nu *= 2;
			}
			if (!accepted) return CONVERGED; // no step lowers the cost: at the (bounded) minimum
			boolean smallStep = true;
			for (int k = 0; k < n; k++) {
				if (free[k] && Math.abs(trial[k] - p[k]) > 1e-9 * Math.abs(p[k]) + 1e-12 * (hi[k] - lo[k]))
					smallStep = false;
				p[k] = trial[k];
			}
			double rho = (cost - newCost) / predicted;
			acceptTrial(newCost);
			double t = 2 * rho - 1;
			lambda *= Math.max(1.0 / 3, 1 - t * t * t);
			lambda = Math.max(lambda, 1e-15);
			nu = 2;
			if (smallStep || predicted <= 1e-12 * cost) return CONVERGED;
		}
		return ITERATION_LIMIT;
	}

	/** Makes p the current point (values, Jacobian, normal equations) and returns its cost. */
	public double evaluateAt(double[] y, double[] p) {
		return evaluateAt(y, p, newton);
	}

	/**
	 * As {@link #evaluateAt(double[], double[])}; without curvature when only standard errors are
	 * wanted at p (they use JᵀJ), which saves the second derivatives.
	 */
	public double evaluateAt(double[] y, double[] p, boolean withCurvature) {
		this.y = y;
		if (withCurvature && newton) model.valuesJacobianCurvature(p, y, values, jac, curv);
		else {
			model.valuesAndJacobian(p, values, jac);
			java.util.Arrays.fill(curv, 0);
		}
		double c = 0;
		for (int i = 0; i < m; i++) {
			double r = y[i] - values[i];
			c += r * r;
		}
		cost = c;
		formNormalEquations();
		return c;
	}

	/** Values, Jacobian (and curvature) at the trial point into the spare buffers; returns its cost. */
	private double trialCost() {
		if (newton) model.valuesJacobianCurvature(trial, y, trialValues, trialJac, trialCurv);
		else model.valuesAndJacobian(trial, trialValues, trialJac);
		double c = 0;
		for (int i = 0; i < m; i++) {
			double r = y[i] - trialValues[i];
			c += r * r;
		}
		return c;
	}

	private void acceptTrial(double newCost) {
		double[] t = values;
		values = trialValues;
		trialValues = t;
		t = jac;
		jac = trialJac;
		trialJac = t;
		t = curv;
		curv = trialCurv;
		trialCurv = t;
		cost = newCost;
		formNormalEquations();
	}

	/** JᵀJ and Jᵀr at the current point (no exponentials: the Jacobian is already there). */
	private void formNormalEquations() {
		// Unrolled for the sizes IVIM uses: the generic triangular loop was the solver's hot spot.
		if (n == 4) {
			formNormalEquations4();
			return;
		}
		if (n == 2) {
			formNormalEquations2();
			return;
		}
		if (n == 3) {
			formNormalEquations3();
			return;
		}
		for (int k = 0; k < n * n; k++) normal[k] = 0;
		for (int k = 0; k < n; k++) grad[k] = 0;
		for (int i = 0, o = 0; i < m; i++, o += n) {
			double r = y[i] - values[i];
			for (int k = 0; k < n; k++) {
				double jk = jac[o + k];
				grad[k] += jk * r;
				for (int l = 0; l <= k; l++) normal[k * n + l] += jk * jac[o + l];
			}
		}
		for (int k = 0; k < n; k++)
			for (int l = 0; l < k; l++) normal[l * n + k] = normal[k * n + l];
	}

	private void formNormalEquations2() {
		double g0 = 0, g1 = 0, a00 = 0, a10 = 0, a11 = 0;
		double[] jc = jac, yv = y, v = values;
		for (int i = 0, o = 0; i < m; i++, o += 2) {
			double r = yv[i] - v[i];
			double j0 = jc[o], j1 = jc[o + 1];
			g0 += j0 * r;
			g1 += j1 * r;
			a00 += j0 * j0;
			a10 += j1 * j0;
			a11 += j1 * j1;
		}
		normal[0] = a00;
		normal[1] = a10;
		normal[2] = a10;
		normal[3] = a11;
		grad[0] = g0;
		grad[1] = g1;
	}

	private void formNormalEquations3() {
		double g0 = 0, g1 = 0, g2 = 0, a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a22 = 0;
		double[] jc = jac, yv = y, v = values;
		for (int i = 0, o = 0; i < m; i++, o += 3) {
			double r = yv[i] - v[i];
			double j0 = jc[o], j1 = jc[o + 1], j2 = jc[o + 2];
			g0 += j0 * r;
			g1 += j1 * r;
			g2 += j2 * r;
			a00 += j0 * j0;
			a10 += j1 * j0;
			a11 += j1 * j1;
			a20 += j2 * j0;
			a21 += j2 * j1;
			a22 += j2 * j2;
		}
		double[] a = normal;
		a[0] = a00; a[1] = a10; a[2] = a20;
		a[3] = a10; a[4] = a11; a[5] = a21;
		a[6] = a20; a[7] = a21; a[8] = a22;
		grad[0] = g0;
		grad[1] = g1;
		grad[2] = g2;
	}

	private void formNormalEquations4() {
		double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
		double a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a22 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
		double[] jc = jac, yv = y, v = values;
		for (int i = 0, o = 0; i < m; i++, o += 4) {
			double r = yv[i] - v[i];
			double j0 = jc[o], j1 = jc[o + 1], j2 = jc[o + 2], j3 = jc[o + 3];
			g0 += j0 * r;
			g1 += j1 * r;
			g2 += j2 * r;
			g3 += j3 * r;
			a00 += j0 * j0;
			a10 += j1 * j0;
			a11 += j1 * j1;
			a20 += j2 * j0;
			a21 += j2 * j1;
			a22 += j2 * j2;
			a30 += j3 * j0;
			a31 += j3 * j1;
			a32 += j3 * j2;
			a33 += j3 * j3;
		}
		double[] a = normal;
		a[0] = a00; a[1] = a10; a[2] = a20; a[3] = a30;
		a[4] = a10; a[5] = a11; a[6] = a21; a[7] = a31;
		a[8] = a20; a[9] = a21; a[10] = a22; a[11] = a32;
		a[12] = a30; a[13] = a31; a[14] = a32; a[15] = a33;
		grad[0] = g0;
		grad[1] = g1;
		grad[2] = g2;
		grad[3] = g3;
	}

	/** Solves (Ã + λI) z = g̃ over the free parameters in scaled form; writes the step. */
	private boolean solveDamped(int nf, double lambda) {
		// Newton's Hessian JᵀJ − C first; where it is not positive definite (far from the minimum), the
		// Gauss–Newton matrix JᵀJ, which always is: raising λ until the Hessian factorises wastes steps.
		if (!factorDamped(nf, lambda, newton) && !(newton && factorDamped(nf, lambda, false))) return false;
		for (int a = 0; a < nf; a++) work[a] = grad[freeIndex[a]] / scale[freeIndex[a]];
		choleskySolve(chol, n, nf, work);
		for (int k = 0; k < n; k++) step[k] = 0;
		for (int a = 0; a < nf; a++) step[freeIndex[a]] = work[a] / scale[freeIndex[a]];
		return true;
	}

	private boolean factorDamped(int nf, double lambda, boolean withCurvature) {
		for (int a = 0; a < nf; a++) {
			int ka = freeIndex[a];
			double sa = scale[ka];
			for (int c = 0; c < a; c++) {
				int kc = freeIndex[c];
				chol[a * n + c] = (normal[ka * n + kc] - (withCurvature ? curv[ka * n + kc] : 0)) / (sa * scale[kc]);
			}
			chol[a * n + a] = 1 - (withCurvature ? curv[ka * n + ka] / (sa * sa) : 0) + lambda;
		}
		return cholesky(chol, n, nf);
	}

	/**
	 * Standard errors at the current point from σ² (JᵀJ)⁻¹ over the non-fixed parameters, with
	 * σ² = RSS / (m − fitted parameters); NaN where a parameter is fixed, has no influence on the
	 * signal, or the parameters are not jointly determined (near-singular scaled matrix).
	 */
	public void standardErrors(boolean[] fixed, double[] se) {
		int nf = 0;
		for (int k = 0; k < n; k++) {
			se[k] = Double.NaN;
			if ((fixed == null || !fixed[k]) && normal[k * n + k] > 0) {
				freeIndex[nf++] = k;
				scale[k] = Math.sqrt(normal[k * n + k]);
			}
		}
		int dof = m - nf;
		if (nf == 0 || dof <= 0) return;
		for (int a = 0; a < nf; a++)
			for (int c = 0; c <= a; c++)
				chol[a * n + c] = normal[freeIndex[a] * n + freeIndex[c]] / (scale[freeIndex[a]] * scale[freeIndex[c]]);
		if (!cholesky(chol, n, nf)) return;
		double minDiag = Double.MAX_VALUE, maxDiag = 0;
		for (int a = 0; a < nf; a++) {
			minDiag = Math.min(minDiag, chol[a * n + a]);
			maxDiag = Math.max(maxDiag, chol[a * n + a]);
		}
		if (minDiag < 1e-7 * maxDiag) return;
		double sigma2 = cost / dof;
		for (int a = 0; a < nf; a++) {
			for (int c = 0; c < nf; c++) work[c] = c == a ? 1 : 0;
			choleskySolve(chol, n, nf, work);
			int k = freeIndex[a];
			se[k] = Math.sqrt(sigma2 * work[a]) / scale[k];
		}
	}

	/**
	 * (JᵀJ)⁻¹ at the current point over all parameters, written row-major into {@code out}
	 * (n × n); returns false, leaving NaN, when JᵀJ is not positive definite.
	 */
	public boolean inverseNormal(double[] out) {
		return invert(false, out);
	}

	/**
	 * The inverse of the full (observed) Hessian JᵀJ − Σ r ∇²S where the model provides curvature,
	 * else of JᵀJ: the Laplace approximation's covariance up to the factor σ².
	 */
	public boolean inverseHessian(double[] out) {
		return invert(newton, out);
	}

	private boolean invert(boolean observed, double[] out) {
		java.util.Arrays.fill(out, 0, n * n, Double.NaN);
		for (int k = 0; k < n; k++) {
			if (!(normal[k * n + k] > 0)) return false;
			freeIndex[k] = k;
			scale[k] = Math.sqrt(normal[k * n + k]);
		}
		for (int a = 0; a < n; a++)
			for (int c = 0; c <= a; c++)
				chol[a * n + c] = (normal[a * n + c] - (observed ? curv[a * n + c] : 0)) / (scale[a] * scale[c]);
		if (!cholesky(chol, n, n)) return false;
		for (int a = 0; a < n; a++) {
			for (int c = 0; c < n; c++) work[c] = c == a ? 1 : 0;
			choleskySolve(chol, n, n, work);
			for (int c = 0; c < n; c++) out[c * n + a] = work[c] / (scale[a] * scale[c]);
		}
		return true;
	}

	/** In-place lower Cholesky factor of the leading nf × nf block (row stride n); false if not positive definite. */
	static boolean cholesky(double[] a, int n, int nf) {
		// The full 4 × 4 and 3 × 3 systems (every parameter free) written out: the same operations in the same
		// order as the loop below, without its loop overhead on the solver's hot path.
		if (n == 4 && nf == 4) return cholesky4(a);
		if (n == 3 && nf == 3) return cholesky3(a);
		for (int j = 0; j < nf; j++) {
			double d = a[j * n + j];
			for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
			if (!(d > 0)) return false;
			d = Math.sqrt(d);
			a[j * n + j] = d;
			for (int i = j + 1; i < nf; i++) {
				double s = a[i * n + j];
				for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
				a[i * n + j] = s / d;
			}
		}
		return true;
	}

	private static boolean cholesky4(double[] a) {
		double d = a[0];
		if (!(d > 0)) return false;
		double l00 = Math.sqrt(d);
		double l10 = a[4] / l00, l20 = a[8] / l00, l30 = a[12] / l00;
		d = a[5] - l10 * l10;
		if (!(d > 0)) return false;
		double l11 = Math.sqrt(d);
		double l21 = (a[9] - l20 * l10) / l11, l31 = (a[13] - l30 * l10) / l11;
		d = a[10] - l20 * l20 - l21 * l21;
		if (!(d > 0)) return false;
		double l22 = Math.sqrt(d);
		double l32 = (a[14] - l30 * l20 - l31 * l21) / l22;
		d = a[15] - l30 * l30 - l31 * l31 - l32 * l32;
		if (!(d > 0)) return false;
		a[0] = l00;
		a[4] = l10;
		a[5] = l11;
		a[8] = l20;
		a[9] = l21;
		a[10] = l22;
		a[12] = l30;
		a[13] = l31;
		a[14] = l32;
		a[15] = Math.sqrt(d);
		return true;
	}

	private static boolean cholesky3(double[] a) {
		double d = a[0];
		if (!(d > 0)) return false;
		double l00 = Math.sqrt(d);
		double l10 = a[3] / l00, l20 = a[6] / l00;
		d = a[4] - l10 * l10;
		if (!(d > 0)) return false;
		double l11 = Math.sqrt(d);
		double l21 = (a[7] - l20 * l10) / l11;
		d = a[8] - l20 * l20 - l21 * l21;
		if (!(d > 0)) return false;
		a[0] = l00;
		a[3] = l10;
		a[4] = l11;
		a[6] = l20;
		a[7] = l21;
		a[8] = Math.sqrt(d);
		return true;
	}

	/** Solves L Lᵀ x = v in place. */
	static void choleskySolve(double[] l, int n, int nf, double[] v) {
		if (n == 4 && nf == 4) {
			// Written out for the full 4 × 4 system: the loop's operations in the loop's order.
			double v0 = v[0] / l[0];
			double v1 = (v[1] - l[4] * v0) / l[5];
			double v2 = (v[2] - l[8] * v0 - l[9] * v1) / l[10];
			double v3 = (v[3] - l[12] * v0 - l[13] * v1 - l[14] * v2) / l[15];
			v3 = v3 / l[15];
			v2 = (v2 - l[14] * v3) / l[10];
			v1 = (v1 - l[9] * v2 - l[13] * v3) / l[5];
			v[0] = (v0 - l[4] * v1 - l[8] * v2 - l[12] * v3) / l[0];
			v[1] = v1;
			v[2] = v2;
			v[3] = v3;
			return;
		}
		for (int i = 0; i < nf; i++) {
			double s = v[i];
			for (int k = 0; k < i; k++) s -= l[i * n + k] * v[k];
			v[i] = s / l[i * n + i];
		}
		for (int i = nf - 1; i >= 0; i--) {
			double s = v[i];
			for (int k = i + 1; k < nf; k++) s -= l[k * n + i] * v[k];
			v[i] = s / l[i * n + i];
		}
	}
}

package org.ivimj.fit;

import org.ivimj.model.SignalModel;

/**
 * Box-constrained Levenberg–Marquardt least squares for a {@link SignalModel} with at most a few
 * parameters, written for the per-voxel loop: every array is allocated once, in the constructor.
 * <p>
 * Why not Commons Math's {@code LevenbergMarquardtOptimizer}: it allocates vectors, matrices and
 * builder objects on every call and has no bounds, which puts it two orders of magnitude below the
 * voxels-per-second this project needs. Here the normal equations are formed directly, scaled to unit
 * diagonal (Marquardt's scaling, so S0 ~ 1000 and D ~ 0.001 are treated alike) and solved by a small
 * Cholesky factorisation. Bounds are handled by projection with an active set: a parameter on a bound
 * whose gradient points outward is held there for that step. Parameters can also be fixed, which the
 * segmented fit uses to fit D* with D held.
 */
public final class BoundedLevenbergMarquardt {

	/** Result codes of {@link #solve}. */
	public static final int CONVERGED = 0, ITERATION_LIMIT = 1, NON_FINITE = 2;

	private final SignalModel model;
	private final int n;
	private final int capacity;
	private final double[] jac; // m × n, row-major
	private final double[] resid;
	private final double[] grad;
	private final double[] normal; // n × n
	private final double[] chol; // n × n
	private final double[] scale;
	private final double[] step;
	private final double[] trial;
	private final double[] work;
	private final boolean[] free;
	private final int[] freeIndex;
	private final double[] rowGrad;

	private int maxIterations = 200;
	private double rss;
	private int iterations;

	/** A solver for {@code model} and at most {@code capacity} data points. */
	public BoundedLevenbergMarquardt(SignalModel model, int capacity) {
		this.model = model;
		this.n = model.parameterCount();
		this.capacity = capacity;
		jac = new double[capacity * n];
		resid = new double[capacity];
		normal = new double[n * n];
		chol = new double[n * n];
		scale = new double[n];
		step = new double[n];
		trial = new double[n];
		work = new double[n];
		free = new boolean[n];
		freeIndex = new int[n];
		rowGrad = new double[n];
		grad = new double[n];
	}

	public void setMaxIterations(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	/** Residual sum of squares at the solution of the last {@link #solve}. */
	public double rss() {
		return rss;
	}

	/** Iterations of the last {@link #solve}. */
	public int iterations() {
		return iterations;
	}

	/**
	 * Minimises Σ (y_i − S(b_i; p))² over the non-fixed parameters within [lo, hi].
	 *
	 * @param b b-values; only the first m are used
	 * @param y signals; only the first m are used
	 * @param p start on entry (clamped into the bounds), solution on return
	 * @param fixed parameters held at their start value; null fits all
	 * @return {@link #CONVERGED}, {@link #ITERATION_LIMIT} or {@link #NON_FINITE}
	 */
	public int solve(double[] b, double[] y, int m, double[] p, double[] lo, double[] hi, boolean[] fixed) {
		if (m > capacity) throw new IllegalArgumentException(m + " data points exceed the capacity " + capacity);
		for (int k = 0; k < n; k++) p[k] = Math.min(hi[k], Math.max(lo[k], p[k]));
		double cost = evaluate(b, y, m, p, true);
		iterations = 0;
		if (!Double.isFinite(cost)) {
			rss = Double.NaN;
			return NON_FINITE;
		}
		double yy = 0;
		for (int i = 0; i < m; i++) yy += y[i] * y[i];
		double lambda = 1e-3;
		int status = ITERATION_LIMIT;
		while (iterations < maxIterations) {
			iterations++;
			if (cost <= 1e-30 * yy) {
				status = CONVERGED;
				break;
			}
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
			if (nf == 0 || maxCos < 1e-12) {
				status = CONVERGED;
				break;
			}
			boolean accepted = false;
			double newCost = cost;
			while (!accepted) {
				if (!solveDamped(nf, lambda)) {
					lambda *= 10;
					if (lambda > 1e16) break;
					continue;
				}
				boolean moved = false;
				for (int k = 0; k < n; k++) {
					double t = p[k];
					if (free[k]) {
						t = Math.min(hi[k], Math.max(lo[k], p[k] + step[k]));
						if (t != p[k]) moved = true;
					}
					trial[k] = t;
				}
				if (!moved) break;
				newCost = evaluate(b, y, m, trial, false);
				if (newCost < cost) {
					accepted = true;
				}
				else {
					lambda *= 10;
					if (lambda > 1e16) break;
				}
			}
			if (!accepted) {
				status = CONVERGED; // no step lowers the cost: we are at the (bounded) minimum
				break;
			}
			double maxRel = 0;
			for (int k = 0; k < n; k++) {
				if (free[k]) {
					double d = Math.abs(trial[k] - p[k]) * scale[k];
					maxRel = Math.max(maxRel, d);
				}
				p[k] = trial[k];
			}
			double decrease = cost - newCost;
			cost = evaluate(b, y, m, p, true);
			if (!Double.isFinite(cost)) {
				rss = Double.NaN;
				return NON_FINITE;
			}
			lambda = Math.max(lambda * 0.1, 1e-12);
			// Scaled step and cost decrease both negligible: converged.
			if (maxRel <= 1e-10 * Math.sqrt(cost + 1e-300 * yy) || decrease <= 1e-15 * cost) {
				status = CONVERGED;
				break;
			}
		}
		rss = cost;
		return status;
	}

	/** Solves (Ã + λI) z = g̃ over the free parameters in scaled form; writes the step. */
	private boolean solveDamped(int nf, double lambda) {
		for (int a = 0; a < nf; a++) {
			int ka = freeIndex[a];
			for (int c = 0; c <= a; c++) {
				int kc = freeIndex[c];
				double v = normal[ka * n + kc] / (scale[ka] * scale[kc]);
				if (a == c) v = 1 + lambda;
				chol[a * n + c] = v;
			}
			work[a] = grad[ka] / scale[ka];
		}
		if (!cholesky(chol, n, nf)) return false;
		choleskySolve(chol, n, nf, work);
		for (int k = 0; k < n; k++) step[k] = 0;
		for (int a = 0; a < nf; a++) step[freeIndex[a]] = work[a] / scale[freeIndex[a]];
		return true;
	}

	/** Cost at p; with {@code full}, also the Jacobian, gradient Jᵀr and normal matrix JᵀJ. */
	private double evaluate(double[] b, double[] y, int m, double[] p, boolean full) {
		double cost = 0;
		if (!full) {
			for (int i = 0; i < m; i++) {
				double r = y[i] - model.value(b[i], p);
				cost += r * r;
			}
			return cost;
		}
		for (int k = 0; k < n * n; k++) normal[k] = 0;
		for (int k = 0; k < n; k++) grad[k] = 0;
		for (int i = 0; i < m; i++) {
			double r = y[i] - model.valueAndGradient(b[i], p, rowGrad);
			resid[i] = r;
			cost += r * r;
			for (int k = 0; k < n; k++) {
				double jk = rowGrad[k];
				jac[i * n + k] = jk;
				grad[k] += jk * r;
				for (int l = 0; l <= k; l++) normal[k * n + l] += jk * rowGrad[l];
			}
		}
		for (int k = 0; k < n; k++)
			for (int l = 0; l < k; l++) normal[l * n + k] = normal[k * n + l];
		return cost;
	}

	/**
	 * Standard errors from σ² (JᵀJ)⁻¹ at p over the given parameters, with σ² = RSS / (m − free);
	 * NaN where a parameter is fixed, has no influence on the signal, or the matrix is singular.
	 */
	public void standardErrors(double[] b, double[] y, int m, double[] p, boolean[] fixed, double[] se) {
		double cost = evaluate(b, y, m, p, true);
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
		// Conditioning guard: a nearly singular scaled matrix means the parameters are not determined.
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

	/** In-place lower Cholesky factor of the leading nf × nf block (row stride n); false if not positive definite. */
	static boolean cholesky(double[] a, int n, int nf) {
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

	/** Solves L Lᵀ x = v in place. */
	static void choleskySolve(double[] l, int n, int nf, double[] v) {
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

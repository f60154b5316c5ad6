package org.ivimj.fit;

import org.ivimj.model.BiExponentialModel;

/**
 * Segmented (two-step) bi-exponential IVIM fit. For b ≥ the threshold (default 200 s/mm²) perfusion
 * has decayed, so S ≈ S0 (1 − f) exp(−b D): a signal-weighted log-linear fit there gives D and the
 * intercept; S0 is the mean signal at b = 0 and f = 1 − intercept / S0. D* then comes from a bounded
 * fit over all b-values with S0, f and D held — or, with {@link FitOptions#segmentedFitsS0AndF} or
 * when there is no b = 0 image, a fit of S0, f and D* with D held.
 * <p>
 * With S0, f and D held, the perfusion part y − S0 (1 − f) e^(−bD) is a single exponential
 * S0 f e^(−b D*), so D* is a one-parameter fit; it starts from the best point of a log-spaced grid
 * over the D* bounds whose exponentials are tabulated once per fitter, so the start costs no
 * exponentials and does not depend on a guess.
 */
public final class SegmentedBiexponentialFit extends AbstractVoxelFit {

	private static final int GRID = 8;
	private static final boolean[] FIX_D = {false, false, true, false};
	private static final boolean[] FIX_ALL_BUT_DSTAR = {true, true, true, false};

	private final int[] high;
	private final int[] zero;
	private final int distinctHigh;
	private final int distinctAll;
	private final double[] gridDStar = new double[GRID];
	private final double[] gridExp; // exp(−b_i · gridDStar[g]) at [g * nb + i]
	// Workspace.
	private final double[] p = new double[4], lo = new double[4], hi = new double[4];
	private final double[] perfusion;
	private final WeightedLogLinearFit line = new WeightedLogLinearFit();
	private final BoundedLevenbergMarquardt biSolver;
	private int dStarIterations;
	/** Whether the last {@link #start} took S0 from a positive mean b = 0 signal (else S0 is fitted). */
	private boolean measuredS0;
	private double[] expAtX, expTrial;
	private final boolean noiseAware;

	public SegmentedBiexponentialFit(double[] bValues, FitOptions options) {
		super(bValues, options);
		double threshold = this.options.segmentationThreshold();
		int nh = 0, nz = 0;
		for (double v : b) {
			if (v >= threshold) nh++;
			if (v == 0) nz++;
		}
		high = new int[nh];
		zero = new int[nz];
		double[] hb = new double[Math.max(nh, 1)];
		for (int i = 0, h = 0, z = 0; i < nb; i++) {
			if (b[i] >= threshold) {
				hb[h] = b[i];
				high[h++] = i;
			}
			if (b[i] == 0) zero[z++] = i;
		}
		distinctHigh = distinctCount(hb, nh);
		distinctAll = distinctCount(b, nb);
		double gLo = Math.max(this.options.dStarMin(), 1e-6), gHi = Math.max(this.options.dStarMax(), gLo);
		gridExp = new double[GRID * nb];
		for (int g = 0; g < GRID; g++) {
			gridDStar[g] = gLo * Math.pow(gHi / gLo, (g + 0.5) / GRID);
			for (int i = 0; i < nb; i++) gridExp[g * nb + i] = Math.exp(-b[i] * gridDStar[g]);
		}
		perfusion = new double[nb];
		expAtX = new double[nb];
		expTrial = new double[nb];
		biSolver = new BoundedLevenbergMarquardt(this.options.noiseAware(BiExponentialModel.INSTANCE.sampledAt(b)));
		biSolver.setMaxIterations(this.options.maxIterations());
		noiseAware = !Double.isNaN(this.options.noiseSigma());

	}

	@Override
	public FitMethod method() {
		return FitMethod.BI_SEGMENTED;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		if (!start(signal, p, out)) return;
		boolean measuredS0 = this.measuredS0;
		int code;
		int iterations;
		if (options.segmentedFitsS0AndF() || !measuredS0) {
			code = biSolver.solve(signal, p, lo, hi, FIX_D);
			iterations = biSolver.iterations();
		}
		else if (noiseAware) {
			// With a noise floor the perfusion part is no longer a plain exponential: fit D* on the full model.
			code = biSolver.solve(signal, p, lo, hi, FIX_ALL_BUT_DSTAR);
			iterations = biSolver.iterations();
		}
		else {
			// D* alone: fit S0 f e^(−b D*) to the perfusion part with its amplitude held.
			p[3] = fitDStar(p[0] * p[1], p[3], lo[3], hi[3]);
			iterations = dStarIterations;
			code = Double.isFinite(p[3]) ? BoundedLevenbergMarquardt.CONVERGED : BoundedLevenbergMarquardt.NON_FINITE;
			if (code == BoundedLevenbergMarquardt.CONVERGED) biSolver.evaluateAt(signal, p, false);
		}
		out.iterations = iterations;
		if (!converged(code, out)) return;
		// Standard errors of the full model at this solution: how well these data pin each parameter.
		finish(biSolver, p, lo, hi, signal, nb, out);
	}

	/**
	 * The first step, shared with the free fit as its start: checks the signal, fits D and the
	 * intercept on the high b-values, takes S0 from b = 0 and f from both, and D* from the tabulated
	 * grid (no exponential is computed for it). Writes (S0, f, D, D*) into {@code start} and the bounds;
	 * on bad input fills {@code out} and returns false.
	 */
	boolean start(double[] signal, double[] start, FitResult out) {
		out.iterations = 0;
		if (!checkSignal(signal, null, nb, out)) return false;
		if (nb < 4) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_BVALUES);
			return false;
		}
		if (distinctAll < 4) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_DISTINCT_BVALUES);
			return false;
		}
		if (distinctHigh < 2) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NO_BVALUE_ABOVE_THRESHOLD);
			return false;
		}
		if (!line.fit(b, signal, high, high.length)) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NON_POSITIVE_SIGNAL);
			return false;
		}
		biexponentialBounds(max(signal, nb), lo, hi);
		double intercept = Math.exp(line.logIntercept);
		double zeroMean = zeroMean(signal);
		measuredS0 = zeroMean > 0;
		double s0 = measuredS0 ? zeroMean : Math.max(intercept, max(signal, nb));
		start[0] = clamp(s0, lo[0], hi[0]);
		start[1] = clamp(1 - intercept / start[0], lo[1], hi[1]);
		start[2] = clamp(line.rate, lo[2], hi[2]);
		double e0 = start[0] * (1 - start[1]);
		for (int i = 0; i < nb; i++) perfusion[i] = signal[i] - e0 * Math.exp(-b[i] * start[2]);
		start[3] = bestGridDStar(start[0] * start[1]);
		return true;
	}

	private double zeroMean(double[] signal) {
		double s = 0;
		for (int i : zero) s += signal[i];
		return zero.length > 0 ? s / zero.length : Double.NaN;
	}

	/**
	 * Minimises Σ (perfusion_i − c e^(−b_i x))² over x in [lo, hi] by safeguarded scalar Newton steps
	 * (exact second derivative, step halving when the cost rises): one exponential per b-value and
	 * iteration, no matrices.
	 */
	private double fitDStar(double c, double x, double lo, double hi) {
		dStarIterations = 0;
		if (!(c > 0)) return x; // no perfusion: D* has no influence, keep the grid value
		double cost = perfusionCost(c, x, expAtX);
		int maxIterations = options.maxIterations();
		while (dStarIterations < maxIterations) {
			dStarIterations++;
			double g = 0, h = 0, jj = 0;
			for (int i = 0; i < nb; i++) {
				double model = c * expAtX[i];
				double r = perfusion[i] - model, j = -b[i] * model;
				g += j * r;
				jj += j * j;
				h += j * j - r * b[i] * b[i] * model;
			}
			if (!(jj > 0)) return x;
			double step = (h > 0 ? g / h : g / jj);
			double next = Math.min(hi, Math.max(lo, x + step)), nextCost = perfusionCost(c, next, expTrial);
			for (int halving = 0; halving < 30 && !(nextCost <= cost); halving++) {
				step *= 0.5;
				next = Math.min(hi, Math.max(lo, x + step));
				nextCost = perfusionCost(c, next, expTrial);
			}
			if (!(nextCost <= cost)) return x; // no lower cost nearby: at the bounded minimum
			boolean small = Math.abs(next - x) <= 1e-10 * Math.abs(x);
			double[] t = expAtX;
			expAtX = expTrial;
			expTrial = t;
			x = next;
			cost = nextCost;
			if (small || x == lo && g < 0 || x == hi && g > 0) return x;
		}
		return x;
	}

	/** Cost of D* = x, with exp(−b_i x) written to {@code e}. */
	private double perfusionCost(double c, double x, double[] e) {
		double cost = 0;
		for (int i = 0; i < nb; i++) {
			e[i] = Math.exp(-b[i] * x);
			double r = perfusion[i] - c * e[i];
			cost += r * r;
		}
		return cost;
	}

	/** The grid D* whose single exponential of the given amplitude best matches the perfusion part. */
	private double bestGridDStar(double amplitude) {
		double best = Double.POSITIVE_INFINITY, arg = gridDStar[GRID / 2];
		for (int g = 0; g < GRID; g++) {
			double cost = 0;
			for (int i = 0, o = g * nb; i < nb; i++) {
				double r = perfusion[i] - amplitude * gridExp[o + i];
				cost += r * r;
			}
			if (cost < best) {
				best = cost;
				arg = gridDStar[g];
			}
		}
		return clamp(arg, lo[3], hi[3]);
	}

	static double clamp(double v, double lo, double hi) {
		return Math.min(hi, Math.max(lo, v));
	}

	@Override
	public VoxelFit copy() {
		return new SegmentedBiexponentialFit(b, options);
	}
}

package org.ivimj.fit;

import org.ivimj.model.BiExponentialModel;

/**
 * Segmented (two-step) bi-exponential IVIM fit. For b ≥ the threshold (default 200 s/mm²) perfusion
 * has decayed, so S ≈ S0 (1 − f) exp(−b D): a signal-weighted log-linear fit there gives D and the
 * intercept; S0 is the mean signal at b = 0 and f = 1 − intercept / S0. D* then comes from a bounded
 * fit over all b-values with S0, f and D held — or, with {@link FitOptions#segmentedFitsS0AndF} or when
 * there is no b = 0 image, a fit of S0, f and D* with D held. The D* fit starts from the best of a
 * log-spaced grid over its bounds, so it does not depend on a guessed start.
 */
public final class SegmentedBiexponentialFit extends AbstractVoxelFit {

	private static final BiExponentialModel MODEL = BiExponentialModel.INSTANCE;
	private static final int GRID = 8;
	private static final boolean[] FIX_ALL_BUT_DSTAR = {true, true, true, false};
	private static final boolean[] FIX_D = {false, false, true, false};

	private final int[] high;
	private final int[] zero;
	private final int distinctHigh;
	private final int distinctAll;
	private final double[] grid = new double[GRID];
	// Workspace.
	private final double[] p = new double[4], lo = new double[4], hi = new double[4];
	private final WeightedLogLinearFit line = new WeightedLogLinearFit();
	private final BoundedLevenbergMarquardt solver;

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
		for (int g = 0; g < GRID; g++) grid[g] = gLo * Math.pow(gHi / gLo, (g + 0.5) / GRID);
		solver = new BoundedLevenbergMarquardt(MODEL, nb);
		solver.setMaxIterations(this.options.maxIterations());
	}

	@Override
	public FitMethod method() {
		return FitMethod.BI_SEGMENTED;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		out.iterations = 0;
		if (!checkSignal(signal, null, nb, out)) return;
		if (nb < 4) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_BVALUES);
			return;
		}
		if (distinctAll < 4) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_DISTINCT_BVALUES);
			return;
		}
		if (distinctHigh < 2) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NO_BVALUE_ABOVE_THRESHOLD);
			return;
		}
		if (!line.fit(b, signal, high, high.length)) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NON_POSITIVE_SIGNAL);
			return;
		}
		setBounds(signal);
		double d = clamp(line.rate, lo[2], hi[2]);
		double intercept = Math.exp(line.logIntercept);
		double s0 = 0;
		for (int i : zero) s0 += signal[i];
		s0 = zero.length > 0 ? s0 / zero.length : Double.NaN;
		boolean fitS0AndF = options.segmentedFitsS0AndF() || !(s0 > 0);
		if (!(s0 > 0)) s0 = Math.max(intercept, max(signal, nb)); // no usable b = 0: start from the data
		p[0] = clamp(s0, lo[0], hi[0]);
		p[1] = clamp(1 - intercept / p[0], lo[1], hi[1]);
		p[2] = d;
		p[3] = bestGridDStar(signal);
		boolean[] fixed = fitS0AndF ? FIX_D : FIX_ALL_BUT_DSTAR;
		int code = solver.solve(b, signal, nb, p, lo, hi, fixed);
		out.iterations = solver.iterations();
		if (code == BoundedLevenbergMarquardt.NON_FINITE) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NUMERICAL_FAILURE);
			return;
		}
		if (code == BoundedLevenbergMarquardt.ITERATION_LIMIT) {
			int it = out.iterations;
			out.fail(FitStatus.NOT_CONVERGED, FitReason.ITERATION_LIMIT);
			out.iterations = it;
			return;
		}
		System.arraycopy(p, 0, out.parameters, 0, 4);
		// Standard errors of the full model at this solution: how well these data pin each parameter.
		solver.standardErrors(b, signal, nb, p, null, out.standardErrors);
		setBoundStatus(p, lo, hi, null, out);
		goodness(MODEL, b, signal, nb, p, out);
	}

	private double bestGridDStar(double[] signal) {
		double best = Double.POSITIVE_INFINITY, arg = grid[GRID / 2];
		for (double ds : grid) {
			p[3] = ds;
			double cost = 0;
			for (int i = 0; i < nb; i++) {
				double r = signal[i] - MODEL.value(b[i], p);
				cost += r * r;
			}
			if (cost < best) {
				best = cost;
				arg = ds;
			}
		}
		return clamp(arg, lo[3], hi[3]);
	}

	private void setBounds(double[] signal) {
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * max(signal, nb);
		lo[1] = options.fMin();
		hi[1] = options.fMax();
		lo[2] = options.dMin();
		hi[2] = options.dMax();
		lo[3] = options.dStarMin();
		hi[3] = options.dStarMax();
	}

	static double clamp(double v, double lo, double hi) {
		return Math.min(hi, Math.max(lo, v));
	}

	@Override
	public VoxelFit copy() {
		return new SegmentedBiexponentialFit(b, options);
	}
}

package org.ivimj.fit;

import org.ivimj.model.IvimKurtosisModel;
import org.ivimj.model.SampledSignalModel;

/**
 * IVIM-kurtosis fit of S0 [(1 − f) exp(−bD + b²D²K/6) + f exp(−bD*)]. Segmented: the b-values at and
 * above the segmentation threshold give D, K and the tissue intercept S0 (1 − f) by the
 * {@link MonoKurtosisFit}; S0 is the mean b = 0 signal and f = 1 − intercept / S0; then D* by a bounded
 * fit with the rest held (S0, f and D* with D and K held, with {@link FitOptions#segmentedFitsS0AndF}
 * or without a b = 0 image). Free: bounded Levenberg–Marquardt over all five from the segmented
 * result. Bounds: those of the bi-exponential fits, and K in {@link FitOptions#kBounds} ([0, 3]).
 * Standard errors are those of the full model at the solution. Unlike the bi-exponential free fit,
 * components are never swapped: only the tissue one has a kurtosis.
 */
public final class IvimKurtosisFit extends AbstractVoxelFit {

	private static final boolean[] FIX_ALL_BUT_DSTAR = {true, true, true, false, true};
	private static final boolean[] FIX_D_K = {false, false, true, false, true};
	private static final int GRID = 8;

	private final boolean free;
	private final MonoKurtosisFit tissue;
	private final SampledSignalModel model;
	private final BoundedLevenbergMarquardt solver;
	private final int[] zero;
	private final double[] p = new double[5], start = new double[5], lo = new double[5], hi = new double[5], q = new double[3];
	private final double[] curve;

	public IvimKurtosisFit(double[] bValues, FitOptions options, boolean free) {
		super(bValues, options);
		this.free = free;
		tissue = new MonoKurtosisFit(b, this.options);
		if (distinctCount(b, nb) < 5) throw new IllegalArgumentException("IVIM-kurtosis has 5 parameters but these "
			+ "b-values have only " + distinctCount(b, nb) + " different values: " + MonoKurtosisFit.list(b) + ".");
		model = IvimKurtosisModel.INSTANCE.sampledAt(b);
		solver = new BoundedLevenbergMarquardt(this.options.noiseAware(model));
		solver.setMaxIterations(this.options.maxIterations());
		int nz = 0;
		for (double v : b)
			if (v == 0) nz++;
		zero = new int[nz];
		for (int i = 0, z = 0; i < nb; i++)
			if (b[i] == 0) zero[z++] = i;
		curve = new double[nb];
	}

	@Override
	public FitMethod method() {
		return free ? FitMethod.IVIM_KURTOSIS_FREE : FitMethod.IVIM_KURTOSIS_SEGMENTED;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		if (!checkSignal(signal, null, nb, out)) return;
		if (!tissue.fitHigh(signal, q, out)) return;
		int iterations = out.iterations;
		biexponentialBounds(max(signal, nb), lo, hi);
		lo[4] = options.kMin();
		hi[4] = options.kMax();
		double zeroMean = 0;
		for (int i : zero) zeroMean += signal[i];
		boolean measuredS0 = zero.length > 0 && zeroMean > 0;
		double s0 = measuredS0 ? zeroMean / zero.length : Math.max(q[0], max(signal, nb));
		p[0] = SegmentedBiexponentialFit.clamp(s0, lo[0], hi[0]);
		p[1] = SegmentedBiexponentialFit.clamp(1 - q[0] / p[0], lo[1], hi[1]);
		p[2] = q[1];
		p[4] = q[2];
		p[3] = bestGridDStar(signal);
		int code = solver.solve(signal, p, lo, hi, measuredS0 && !options.segmentedFitsS0AndF() ? FIX_ALL_BUT_DSTAR : FIX_D_K);
		iterations += solver.iterations();
		if (free && code == BoundedLevenbergMarquardt.CONVERGED) {
			System.arraycopy(p, 0, start, 0, 5);
			code = solver.solve(signal, p, lo, hi, null);
			iterations += solver.iterations();
			// A small f leaves D* weakly determined, with a second minimum at the other end of its range:
			// one restart there, keeping the lower cost (scipy's best-of-grid optimum on such voxels).
			if (code == BoundedLevenbergMarquardt.CONVERGED) {
				double cost = solver.rss();
				start[3] = p[3] < Math.sqrt(Math.max(lo[3], 1e-6) * hi[3]) ? lo[3] + 0.75 * (hi[3] - lo[3])
					: Math.max(lo[3], 1e-6) * 2;
				int again = solver.solve(signal, start, lo, hi, null);
				iterations += solver.iterations();
				if (again == BoundedLevenbergMarquardt.CONVERGED && solver.rss() < cost) System.arraycopy(start, 0, p, 0, 5);
				solver.evaluateAt(signal, p);
			}
		}
		out.iterations = iterations;
		if (!converged(code, out)) return;
		finish(solver, p, lo, hi, signal, nb, out);
	}

	/** The D* of a log-spaced grid over its bounds whose curve (the rest held) fits best. */
	private double bestGridDStar(double[] signal) {
		double best = Double.POSITIVE_INFINITY, arg = Math.sqrt(Math.max(lo[3], 1e-6) * hi[3]);
		double gLo = Math.max(lo[3], 1e-6), gHi = Math.max(hi[3], gLo);
		for (int g = 0; g < GRID; g++) {
			p[3] = gLo * Math.pow(gHi / gLo, (g + 0.5) / GRID);
			model.values(p, curve);
			double cost = 0;
			for (int i = 0; i < nb; i++) cost += (signal[i] - curve[i]) * (signal[i] - curve[i]);
			if (cost < best) {
				best = cost;
				arg = p[3];
			}
		}
		return SegmentedBiexponentialFit.clamp(arg, lo[3], hi[3]);
	}

	@Override
	public VoxelFit copy() {
		return new IvimKurtosisFit(b, options, free);
	}
}

package org.ivimj.fit;

import org.ivimj.model.StretchedExponentialModel;

/**
 * Stretched-exponential fit S = S0 · exp(−(b · DDC)^α) by bounded Levenberg–Marquardt over S0, DDC
 * and α. The start comes from the model's linearisation ln(−ln(S/S0)) = α ln b + α ln DDC, a
 * closed-form line fit, so no generic guess is needed.
 */
public final class StretchedExponentialFit extends AbstractVoxelFit {

	private static final StretchedExponentialModel MODEL = StretchedExponentialModel.INSTANCE;

	private final int distinctAll;
	private final int[] zero;
	private final double[] p = new double[3], lo = new double[3], hi = new double[3];
	private final WeightedLogLinearFit line = new WeightedLogLinearFit();
	private final BoundedLevenbergMarquardt solver;
	private final boolean noiseAware;

	public StretchedExponentialFit(double[] bValues, FitOptions options) {
		super(bValues, options);
		distinctAll = distinctCount(b, nb);
		int nz = 0;
		for (double v : b)
			if (v == 0) nz++;
		zero = new int[nz];
		for (int i = 0, z = 0; i < nb; i++)
			if (b[i] == 0) zero[z++] = i;
		solver = new BoundedLevenbergMarquardt(this.options.noiseAware(MODEL.sampledAt(b)));
		solver.setMaxIterations(this.options.maxIterations());
		noiseAware = !Double.isNaN(this.options.noiseSigma());
		grid = new StretchedGrid(b, this.options, GRID_DDC, GRID_ALPHA);
	}

	/** Below this R² a local fit counts as suspect and is checked against the grid. */
	private static final double SUSPECT_R2 = 0.7;

	/** Grid size: enough to put a cell in every basin seen on real data (GlobalOptimumTest). */
	static final int GRID_DDC = 12, GRID_ALPHA = 8;
	private final StretchedGrid grid;
	private final double[] cell = new double[3], best = new double[3];

	@Override
	public FitMethod method() {
		return FitMethod.STRETCHED;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		out.iterations = 0;
		if (!checkSignal(signal, null, nb, out)) return;
		if (nb < 3) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_BVALUES);
			return;
		}
		if (distinctAll < 3) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_DISTINCT_BVALUES);
			return;
		}
		if (!line.fit(b, signal, null, nb)) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NON_POSITIVE_SIGNAL);
			return;
		}
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * max(signal, nb);
		lo[1] = options.ddcMin();
		hi[1] = options.ddcMax();
		lo[2] = options.alphaMin();
		hi[2] = options.alphaMax();
		double s0 = 0;
		for (int i : zero) s0 += signal[i];
		s0 = zero.length > 0 && s0 > 0 ? s0 / zero.length : Math.exp(line.logIntercept);
		p[0] = s0;
		start(signal, s0, line.rate);
		int code = solver.solve(signal, p, lo, hi, null);
		out.iterations = solver.iterations();
		// The grid check costs about as much as the fit. On every voxel where it found a better basin (7 T cord,
		// mixed phantom: BENCHMARKS.md §8) the local fit had stopped on a bound, not converged, or explained less
		// than 70 % of the signal's variance; a fit inside the box that explains the signal is not checked.
		if (noiseAware || code != BoundedLevenbergMarquardt.CONVERGED || atBound(p, lo, hi, null)
			|| !(rSquared(solver.rss(), signal, nb) >= SUSPECT_R2))
		{
			double gridCost = grid.best(signal, cell);
			// Another basin: the grid's best cell lies away from the solution, DDC or α by more than about two
			// grid steps.
			boolean otherBasin = Math.abs(Math.log(Math.max(cell[1], 1e-9) / Math.max(p[1], 1e-9))) > 0.6
				|| Math.abs(cell[2] - p[2]) > 2.5 * (hi[2] - lo[2]) / (GRID_ALPHA - 1);
			code = refitFromGridCell(solver, signal, p, code, cell, gridCost, otherBasin, noiseAware, lo, hi, best, out);
		}
		if (!converged(code, out)) return;
		finish(solver, p, lo, hi, signal, nb, out);
	}

	/** Starting DDC and α from the linearised model (unweighted line through usable points). */
	private void start(double[] signal, double s0, double adc) {
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		int n = 0;
		for (int i = 0; i < nb; i++) {
			double s = signal[i];
			if (b[i] <= 0 || !(s > 0) || !(s < s0)) continue;
			double x = Math.log(b[i]), y = Math.log(-Math.log(s / s0));
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			n++;
		}
		double alpha = 0.8, ddc = adc;
		double det = n * sxx - sx * sx;
		if (n >= 2 && det > 0) {
			double slope = (n * sxy - sx * sy) / det;
			double intercept = (sy - slope * sx) / n;
			if (slope > 0) {
				alpha = slope;
				ddc = Math.exp(intercept / slope);
			}
		}
		p[1] = SegmentedBiexponentialFit.clamp(Double.isFinite(ddc) ? ddc : 1e-3, lo[1], hi[1]);
		p[2] = SegmentedBiexponentialFit.clamp(Double.isFinite(alpha) ? alpha : 0.8, lo[2], hi[2]);
		if (p[1] <= lo[1]) p[1] = lo[1] + 1e-3 * (hi[1] - lo[1]); // DDC = 0 has a zero α-gradient
	}

	@Override
	public VoxelFit copy() {
		return new StretchedExponentialFit(b, options);
	}
}

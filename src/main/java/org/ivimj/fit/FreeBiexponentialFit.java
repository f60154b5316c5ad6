package org.ivimj.fit;

import org.ivimj.model.BiExponentialModel;

/**
 * Free bi-exponential IVIM fit: bounded Levenberg–Marquardt over S0, f, D and D* together, started
 * from the {@link SegmentedBiexponentialFit} estimate. If the fit ends with D > D*, the components are
 * swapped (f → 1 − f) when the swapped values lie inside the bounds, so the labels mean what they say
 * (the OSIPI TF2.4 convention).
 */
public final class FreeBiexponentialFit extends AbstractVoxelFit {

	private static final BiExponentialModel MODEL = BiExponentialModel.INSTANCE;

	private final SegmentedBiexponentialFit start;
	private final FitResult startResult = new FitResult(4);
	private final double[] p = new double[4], lo = new double[4], hi = new double[4];
	private final BoundedLevenbergMarquardt solver;

	public FreeBiexponentialFit(double[] bValues, FitOptions options) {
		super(bValues, options);
		start = new SegmentedBiexponentialFit(b, this.options);
		solver = new BoundedLevenbergMarquardt(MODEL, nb);
		solver.setMaxIterations(this.options.maxIterations());
	}

	@Override
	public FitMethod method() {
		return FitMethod.BI_FREE;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		out.iterations = 0;
		start.fit(signal, startResult);
		if (startResult.status == FitStatus.INVALID_INPUT) {
			out.fail(startResult.status, startResult.reason);
			return;
		}
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * max(signal, nb);
		lo[1] = options.fMin();
		hi[1] = options.fMax();
		lo[2] = options.dMin();
		hi[2] = options.dMax();
		lo[3] = options.dStarMin();
		hi[3] = options.dStarMax();
		if (startResult.status.hasParameters()) {
			System.arraycopy(startResult.parameters, 0, p, 0, 4);
		}
		else {
			// The segmented step did not converge (noise): start from generic tissue values.
			p[0] = max(signal, nb);
			p[1] = 0.1;
			p[2] = 1e-3;
			p[3] = 0.02;
		}
		int code = solver.solve(b, signal, nb, p, lo, hi, null);
		out.iterations = startResult.iterations + solver.iterations();
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
		if (p[2] > p[3] && p[3] >= lo[2] && p[3] <= hi[2] && p[2] >= lo[3] && p[2] <= hi[3]
			&& 1 - p[1] >= lo[1] && 1 - p[1] <= hi[1])
		{
			double t = p[2];
			p[2] = p[3];
			p[3] = t;
			p[1] = 1 - p[1];
		}
		System.arraycopy(p, 0, out.parameters, 0, 4);
		solver.standardErrors(b, signal, nb, p, null, out.standardErrors);
		setBoundStatus(p, lo, hi, null, out);
		goodness(MODEL, b, signal, nb, p, out);
	}

	@Override
	public VoxelFit copy() {
		return new FreeBiexponentialFit(b, options);
	}
}

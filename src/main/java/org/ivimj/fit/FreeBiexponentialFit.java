package org.ivimj.fit;

import org.ivimj.model.BiExponentialModel;

/**
 * Free bi-exponential IVIM fit: bounded Levenberg–Marquardt over S0, f, D and D* together, started
 * from the first step of the {@link SegmentedBiexponentialFit} (D and S0(1 − f) from the high
 * b-values, S0 from b = 0, D* from a grid). If the fit ends with D > D*, the components are
 * swapped (f → 1 − f) when the swapped values lie inside the bounds, so the labels mean what they say
 * (the OSIPI TF2.4 convention).
 * <p>
 * A local optimiser can end in a worse basin than the best: on real low-SNR data about 2% of voxels did.
 * So each voxel's result is checked against a variable-projection grid over (D, D*)
 * ({@link BiexponentialGrid}); where a grid cell already fits better than the solution found, the fit
 * is run again from that cell and the better of the two is kept.
 */
public final class FreeBiexponentialFit extends AbstractVoxelFit {

	private static final BiExponentialModel MODEL = BiExponentialModel.INSTANCE;

	private final SegmentedBiexponentialFit start;
	private static final double[] RESTART_DSTAR = {0.03};

	private final double[] p = new double[4], lo = new double[4], hi = new double[4];
	private final double[] best = new double[4], restart = new double[4], cell = new double[4];
	private final BoundedLevenbergMarquardt solver;
	private final boolean noiseAware;
	private final BiexponentialGrid grid;

	public FreeBiexponentialFit(double[] bValues, FitOptions options) {
		super(bValues, options);
		start = new SegmentedBiexponentialFit(b, this.options);
		solver = new BoundedLevenbergMarquardt(this.options.noiseAware(MODEL.sampledAt(b)));
		solver.setMaxIterations(this.options.maxIterations());
		noiseAware = !Double.isNaN(this.options.noiseSigma());
		grid = new BiexponentialGrid(b, this.options, GRID_D, GRID_DSTAR);
	}

	/** Grid size: enough to put a cell in every basin seen on real data (GlobalOptimumTest). */
	static final int GRID_D = 16, GRID_DSTAR = 24;
	/** |ln(D*_cell / D*_fit)| beyond which the grid's best cell counts as another basin (~2 grid steps). */
	private static final double BASIN_APART = 0.4;

	@Override
	public FitMethod method() {
		return FitMethod.BI_FREE;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		// The segmented fit's first step (closed form, D* from a tabulated grid) is a good enough start:
		// Newton's method refines D* with the other parameters here, so refining it there first is wasted.
		if (!start.start(signal, p, out)) return;
		biexponentialBounds(max(signal, nb), lo, hi);
		int code = solver.solve(signal, p, lo, hi, null);
		out.iterations = solver.iterations();
		double gridCost = grid.best(signal, cell);
		// Another basin: the grid's best cell lies away from the solution in D*, more than about two grid steps.
		boolean otherBasin = Math.abs(Math.log(Math.max(cell[3], 1e-6) / Math.max(p[3], 1e-6))) > BASIN_APART;
		code = refitFromGridCell(solver, signal, p, code, cell, gridCost, otherBasin, noiseAware, lo, hi, best, out);
		if (!converged(code, out)) return;
		if (p[1] <= lo[1] && hi[1] > lo[1]) {
			// f on its lower bound leaves D* without influence, so the solver can stop at a stationary point
			// that is not the minimum: a small perfusion fraction at some D* may fit better. Try a few.
			double bestCost = solver.rss();
			System.arraycopy(p, 0, best, 0, 4);
			for (double ds : RESTART_DSTAR) {
				restart[0] = p[0];
				restart[1] = lo[1] + Math.min(0.05, 0.5 * (hi[1] - lo[1]));
				restart[2] = p[2];
				restart[3] = Math.min(hi[3], Math.max(lo[3], ds));
				if (solver.solve(signal, restart, lo, hi, null) == BoundedLevenbergMarquardt.CONVERGED
					&& solver.rss() < bestCost)
				{
					bestCost = solver.rss();
					System.arraycopy(restart, 0, best, 0, 4);
				}
				out.iterations += solver.iterations();
			}
			System.arraycopy(best, 0, p, 0, 4);
			solver.evaluateAt(signal, p);
		}
		if (p[2] > p[3] && p[3] >= lo[2] && p[3] <= hi[2] && p[2] >= lo[3] && p[2] <= hi[3]
			&& 1 - p[1] >= lo[1] && 1 - p[1] <= hi[1])
		{
			double t = p[2];
			p[2] = p[3];
			p[3] = t;
			p[1] = 1 - p[1];
			solver.evaluateAt(signal, p);
		}
		finish(solver, p, lo, hi, signal, nb, out);
	}

	@Override
	public VoxelFit copy() {
		return new FreeBiexponentialFit(b, options);
	}
}

package org.ivimj.fit;

import org.ivimj.model.MonoExponentialModel;

/**
 * Mono-exponential fit S = S0 · exp(−b · ADC), by signal-weighted log-linear least squares
 * ({@link FitMethod#MONO_LOG_LINEAR}, closed form) or by bounded non-linear least squares started from
 * it ({@link FitMethod#MONO_NONLINEAR}), over all b-values or the subset chosen in
 * {@link FitOptions#monoBRange}/{@link FitOptions#monoBValues} (e.g. b = 0 and 1000 as scanners do).
 */
public final class MonoExponentialFit extends AbstractVoxelFit {

	private static final MonoExponentialModel MODEL = MonoExponentialModel.INSTANCE;

	private final FitMethod method;
	private final int[] selected;
	private final int m;
	private final int distinct;
	// Workspace.
	private final double[] bs, ys, p = new double[2], lo = new double[2], hi = new double[2];
	private final WeightedLogLinearFit line = new WeightedLogLinearFit();
	private final BoundedLevenbergMarquardt solver;

	public MonoExponentialFit(FitMethod method, double[] bValues, FitOptions options) {
		super(bValues, options);
		if (method != FitMethod.MONO_LOG_LINEAR && method != FitMethod.MONO_NONLINEAR)
			throw new IllegalArgumentException(method + " is not a mono-exponential method");
		this.method = method;
		double[] subset = this.options.monoBValues();
		int[] sel = new int[nb];
		int count = 0;
		for (int i = 0; i < nb; i++) {
			double v = b[i];
			if (v < this.options.monoMinB() || v > this.options.monoMaxB()) continue;
			if (subset != null && !contains(subset, v)) continue;
			sel[count++] = i;
		}
		selected = java.util.Arrays.copyOf(sel, count);
		m = count;
		bs = new double[Math.max(m, 1)];
		ys = new double[Math.max(m, 1)];
		for (int j = 0; j < m; j++) bs[j] = b[selected[j]];
		distinct = distinctCount(bs, m);
		solver = new BoundedLevenbergMarquardt(this.options.noiseAware(MODEL.sampledAt(bs)));
		solver.setMaxIterations(this.options.maxIterations());
	}

	private static boolean contains(double[] values, double v) {
		for (double x : values)
			if (Math.abs(x - v) <= 1e-6 * Math.max(1, Math.abs(v))) return true;
		return false;
	}

	@Override
	public FitMethod method() {
		return method;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		out.iterations = 0;
		if (m < 2) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_BVALUES);
			return;
		}
		if (distinct < 2) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.TOO_FEW_DISTINCT_BVALUES);
			return;
		}
		for (int j = 0; j < m; j++) ys[j] = signal[selected[j]];
		if (!checkSignal(ys, null, m, out)) return;
		if (!line.fit(bs, ys, null, m)) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NON_POSITIVE_SIGNAL);
			return;
		}
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * max(ys, m);
		lo[1] = options.adcMin();
		hi[1] = options.adcMax();
		p[0] = Math.exp(line.logIntercept);
		p[1] = line.rate;
		if (method == FitMethod.MONO_LOG_LINEAR) {
			boolean clamped = p[1] < lo[1] || p[1] > hi[1];
			p[1] = Math.min(hi[1], Math.max(lo[1], p[1]));
			out.parameters[0] = p[0];
			out.parameters[1] = p[1];
			out.standardErrors[0] = p[0] * line.logInterceptSe;
			out.standardErrors[1] = line.rateSe;
			out.status = clamped ? FitStatus.AT_BOUND : FitStatus.OK;
			out.reason = clamped ? FitReason.PARAMETER_AT_BOUND : FitReason.NONE;
			double rss = 0, s0 = p[0], adc = p[1];
			for (int j = 0; j < m; j++) {
				double r = ys[j] - s0 * Math.exp(-bs[j] * adc);
				rss += r * r;
			}
			goodness(rss, ys, m, out);
			return;
		}
		int code = solver.solve(ys, p, lo, hi, null);
		out.iterations = solver.iterations();
		if (!converged(code, out)) return;
		finish(solver, p, lo, hi, ys, m, out);
	}

	@Override
	public VoxelFit copy() {
		return new MonoExponentialFit(method, b, options);
	}
}

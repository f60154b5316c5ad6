package org.ivimj.fit;

import org.ivimj.model.MonoKurtosisModel;

/**
 * Mono-kurtosis (DKI without perfusion) fit of S0 exp(−bD + b²D²K/6) to the b-values at and above
 * the segmentation threshold: a signal-weighted quadratic fit of ln S in b (weights S²) gives the
 * start, bounded Levenberg–Marquardt the solution (K within {@link FitOptions#kBounds}). Also the
 * first step of the segmented {@link IvimKurtosisFit}. Refuses protocols whose largest b-value is
 * below {@value #MIN_MAX_B} s/mm²: the b² term that carries K is not measurable there.
 */
public final class MonoKurtosisFit extends AbstractVoxelFit {

	/** The largest b-value (s/mm²) a protocol must reach for K to be fitted. */
	public static final double MIN_MAX_B = 1500;

	private final int[] high;
	private final double[] hb;
	private final double[] ys, p = new double[3], lo = new double[3], hi = new double[3];
	private final BoundedLevenbergMarquardt solver;

	public MonoKurtosisFit(double[] bValues, FitOptions options) {
		super(bValues, options);
		requireHighB(b);
		double threshold = this.options.segmentationThreshold();
		int nh = 0;
		for (double v : b)
			if (v >= threshold) nh++;
		high = new int[nh];
		hb = new double[nh];
		for (int i = 0, k = 0; i < nb; i++)
			if (b[i] >= threshold) {
				hb[k] = b[i];
				high[k++] = i;
			}
		if (distinctCount(hb, nh) < 3) throw new IllegalArgumentException("The kurtosis fits need at least 3 different "
			+ "b-values at or above the segmentation threshold " + threshold + " s/mm² (for S0, D and K); these b-values "
			+ "have " + distinctCount(hb, nh) + ": " + list(b) + ". Lower segmentation_threshold or add b-values.");
		ys = new double[nh];
		solver = new BoundedLevenbergMarquardt(this.options.noiseAware(MonoKurtosisModel.INSTANCE.sampledAt(hb)));
		solver.setMaxIterations(this.options.maxIterations());
	}

	/** Throws an IllegalArgumentException naming the b-values when they do not reach {@link #MIN_MAX_B}. */
	static void requireHighB(double[] b) {
		double max = 0;
		for (double v : b) max = Math.max(max, v);
		if (max < MIN_MAX_B) throw new IllegalArgumentException("The kurtosis fits need b-values up to at least "
			+ (int) MIN_MAX_B + " s/mm² (K lives in the b² term of the signal); these b-values reach only " + fmt(max)
			+ " s/mm²: " + list(b) + ". Add b-values of 1500–3000 s/mm², or use the bi-exponential fits.");
	}

	static String list(double[] b) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < b.length; i++) sb.append(i == 0 ? "" : ", ").append(fmt(b[i]));
		return sb.toString();
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	@Override
	public FitMethod method() {
		return FitMethod.MONO_KURTOSIS;
	}

	@Override
	public void fit(double[] signal, FitResult out) {
		if (!fitHigh(signal, p, out)) return;
		finish(solver, p, lo, hi, ys, ys.length, out);
	}

	/**
	 * Fits the b-values ≥ threshold of {@code signal}; writes (S0, D, K) into {@code q} and returns
	 * true, or fills {@code out} with the failure and returns false. The solver then sits at the solution.
	 */
	boolean fitHigh(double[] signal, double[] q, FitResult out) {
		out.iterations = 0;
		if (!checkSignal(signal, high, high.length, out)) return false;
		for (int k = 0; k < high.length; k++) ys[k] = signal[high[k]];
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * max(signal, nb);
		lo[1] = options.dMin();
		hi[1] = options.dMax();
		lo[2] = options.kMin();
		hi[2] = options.kMax();
		if (!start(q)) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.NON_POSITIVE_SIGNAL);
			return false;
		}
		int code = solver.solve(ys, q, lo, hi, null);
		out.iterations = solver.iterations();
		return converged(code, out);
	}

	/** The weighted quadratic fit of ln S in b, clamped into the bounds; false without 3 positive distinct samples. */
	private boolean start(double[] q) {
		// Normal equations of Σ w (z − c0 − c1 x − c2 x²)², x = b/1000 for conditioning, w = S².
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
		int used = 0;
		for (int k = 0; k < ys.length; k++) {
			double s = ys[k];
			if (!(s > 0)) continue;
			double w = s * s, x = hb[k] / 1000, z = Math.log(s), x2 = x * x;
			s0 += w;
			s1 += w * x;
			s2 += w * x2;
			s3 += w * x2 * x;
			s4 += w * x2 * x2;
			t0 += w * z;
			t1 += w * x * z;
			t2 += w * x2 * z;
			used++;
		}
		if (used < 3) return false;
		double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
		if (!(Math.abs(det) > 0)) return false;
		double c0 = (t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / det;
		double c1 = (s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
		double c2 = (s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2)) / det;
		double d = -c1 / 1000, k = d > 0 ? 6 * (c2 / 1e6) / (d * d) : 1;
		q[0] = SegmentedBiexponentialFit.clamp(Double.isFinite(c0) ? Math.exp(c0) : ys[0], lo[0], hi[0]);
		q[1] = SegmentedBiexponentialFit.clamp(Double.isFinite(d) ? d : 1e-3, lo[1], hi[1]);
		q[2] = SegmentedBiexponentialFit.clamp(Double.isFinite(k) ? k : 1, lo[2], hi[2]);
		return true;
	}

	@Override
	public VoxelFit copy() {
		return new MonoKurtosisFit(b, options);
	}
}

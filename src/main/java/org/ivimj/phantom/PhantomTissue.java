package org.ivimj.phantom;

import org.ivimj.model.BiExponentialModel;

/**
 * A tissue of the phantom: its bi-exponential truth (S0, f, D, D*), D and D* in mm²/s. The lesion
 * tissues are the group means of the seed paper's Table 1.
 */
public final class PhantomTissue {

	/** Tuberculous spondylitis, Table 1: f 0.45, D 0.77e-3, D* 21.96e-3 mm²/s. */
	public static final PhantomTissue TUBERCULOUS_SPONDYLITIS = new PhantomTissue("tuberculous spondylitis",
		1000, 0.45, 0.77e-3, 21.96e-3);
	/** Spinal metastasis, Table 1: f 0.25, D 0.85e-3, D* 33.87e-3 mm²/s. */
	public static final PhantomTissue SPINAL_METASTASIS = new PhantomTissue("spinal metastasis", 1000, 0.25, 0.85e-3,
		33.87e-3);
	/** Between-patient SDs of Table 1 (S0 unused): tuberculous spondylitis f 0.20, D 0.35e-3, D* 7.82e-3. */
	public static final PhantomTissue TUBERCULOUS_SPONDYLITIS_SD = new PhantomTissue("SD", 0, 0.20, 0.35e-3, 7.82e-3);
	/** Between-patient SDs of Table 1: spinal metastasis f 0.15, D 0.28e-3, D* 6.87e-3. */
	public static final PhantomTissue SPINAL_METASTASIS_SD = new PhantomTissue("SD", 0, 0.15, 0.28e-3, 6.87e-3);

	/**
	 * One patient's lesion: each of f, D, D* drawn from a normal distribution with the group's mean and
	 * SD, kept in a physical range (f 0.02–0.95, D ≥ 0.1e-3, D* ≥ 5e-3 mm²/s).
	 */
	public static PhantomTissue drawn(PhantomTissue mean, PhantomTissue sd, java.util.Random random) {
		double f = Math.min(0.95, Math.max(0.02, mean.f + sd.f * random.nextGaussian()));
		double d = Math.max(0.1e-3, mean.d + sd.d * random.nextGaussian());
		double ds = Math.max(5e-3, mean.dStar + sd.dStar * random.nextGaussian());
		return new PhantomTissue(mean.name, mean.s0, f, d, ds);
	}

	/** Surrounding tissue: generic values chosen for contrast, not from the paper. */
	public static final PhantomTissue BACKGROUND_TISSUE = new PhantomTissue("background tissue", 700, 0.10, 1.5e-3,
		20e-3);

	public final String name;
	public final double s0, f, d, dStar;

	public PhantomTissue(String name, double s0, double f, double d, double dStar) {
		this.name = name;
		this.s0 = s0;
		this.f = f;
		this.d = d;
		this.dStar = dStar;
	}

	/** Parameters in the order of the bi-exponential model and fit: S0, f, D, D*. */
	public double[] parameters() {
		return new double[] {s0, f, d, dStar};
	}

	/** Noise-free signal at each b-value. */
	public double[] signal(double[] b) {
		double[] s = new double[b.length];
		BiExponentialModel.INSTANCE.signal(b, parameters(), s);
		return s;
	}
}

package org.ivimj.phantom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A digital IVIM phantom: an elliptical body of background tissue holding two cylindrical lesions with
 * the seed paper's Table 1 values (tuberculous spondylitis left, spinal metastasis right), imaged at the
 * paper's ten b-values with Rician noise. Deterministic for a given seed. Also lists lesion ROIs in the
 * spirit of the paper (an oval in each lesion's centre): the spondylitis ROI on every slice, the
 * metastasis ROI on the middle slice only.
 */
public final class IvimPhantom {

	/** The paper's b-values (s/mm²). */
	public static final double[] PAPER_B_VALUES = {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500};
	/** Pixel size (mm) of the paper's 24 cm field of view on a 128 matrix, and slice spacing (4 mm + 0.4 mm gap). */
	public static final double PIXEL_MM = 1.875, SLICE_MM = 4.4;

	/** An oval ROI: centre and radii in pixels; slice 1-based, or 0 for every slice. */
	public static final class Lesion {
		public final String name;
		public final PhantomTissue tissue;
		public final double cx, cy, radius;
		/** The ROI drawn in the lesion: centre as the lesion, smaller radius. */
		public final double roiRadius;
		/** Slice of the ROI (1-based), 0 for every slice. */
		public final int roiSlice;

		Lesion(String name, PhantomTissue tissue, double cx, double cy, double radius, double roiRadius, int roiSlice) {
			this.name = name;
			this.tissue = tissue;
			this.cx = cx;
			this.cy = cy;
			this.radius = radius;
			this.roiRadius = roiRadius;
			this.roiSlice = roiSlice;
		}
	}

	public final int width, height, slices;
	public final double[] bValues;
	/** SNR at b = 0 for S0 = 1000 (noise σ = 1000 / snr); 0 or less means no noise. */
	public final double snr;
	public final long seed;
	/** {@code images[bi][z]}: row-major width × height pixels. */
	public final float[][][] images;
	/** Tissue of every pixel: {@code tissue[y * width + x]} (same on every slice); null outside the body. */
	public final PhantomTissue[] tissue;
	public final List<Lesion> lesions;

	private IvimPhantom(int width, int height, int slices, double[] b, double snr, long seed) {
		this(width, height, slices, b, snr, seed, false);
	}

	private IvimPhantom(int width, int height, int slices, double[] b, double snr, long seed, boolean patientVariation) {
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.bValues = b.clone();
		this.snr = snr;
		this.seed = seed;
		double s = Math.min(width, height) / 128.0;
		List<Lesion> l = new ArrayList<>();
		PhantomTissue tb = PhantomTissue.TUBERCULOUS_SPONDYLITIS, met = PhantomTissue.SPINAL_METASTASIS;
		if (patientVariation) {
			// This patient's lesions: drawn from the paper's Table 1 mean ± SD of each group.
			Random patient = new Random(seed ^ 0x5DEECE66DL);
			tb = PhantomTissue.drawn(tb, PhantomTissue.TUBERCULOUS_SPONDYLITIS_SD, patient);
			met = PhantomTissue.drawn(met, PhantomTissue.SPINAL_METASTASIS_SD, patient);
		}
		l.add(new Lesion("tuberculous spondylitis", tb, width * 0.34, height * 0.5, 12 * s, 6 * s, 0));
		l.add(new Lesion("spinal metastasis", met, width * 0.66, height * 0.5, 12 * s, 6 * s, (slices + 1) / 2));
		lesions = Collections.unmodifiableList(l);
		tissue = new PhantomTissue[width * height];
		double ax = width * 0.42, ay = height * 0.34;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double px = x + 0.5, py = y + 0.5;
				double ex = (px - width / 2.0) / ax, ey = (py - height / 2.0) / ay;
				if (ex * ex + ey * ey > 1) continue;
				PhantomTissue t = PhantomTissue.BACKGROUND_TISSUE;
				for (Lesion les : lesions)
					if (Math.hypot(px - les.cx, py - les.cy) <= les.radius) t = les.tissue;
				tissue[y * width + x] = t;
			}
		images = new float[b.length][slices][width * height];
		Random random = new Random(seed);
		double sigma = snr > 0 ? 1000 / snr : 0;
		java.util.Map<PhantomTissue, double[]> signals = new java.util.HashMap<>();
		for (int z = 0; z < slices; z++)
			for (int i = 0; i < width * height; i++) {
				PhantomTissue t = tissue[i];
				double[] sig = t == null ? null : signals.computeIfAbsent(t, k -> k.signal(bValues));
				for (int bi = 0; bi < b.length; bi++) {
					double clean = sig == null ? 0 : sig[bi];
					double v = clean;
					if (sigma > 0) {
						double re = clean + sigma * random.nextGaussian();
						double im = sigma * random.nextGaussian();
						v = Math.sqrt(re * re + im * im);
					}
					images[bi][z][i] = (float) v;
				}
			}
	}

	/** The paper's protocol: 128 × 128, the given number of slices, ten b-values, SNR and seed. */
	public static IvimPhantom paperProtocol(int slices, double snr, long seed) {
		return create(128, 128, slices, PAPER_B_VALUES, snr, seed);
	}

	/** A phantom of any size and b-values; SNR ≤ 0 makes it noise-free. */
	public static IvimPhantom create(int width, int height, int slices, double[] bValues, double snr, long seed) {
		return create(width, height, slices, bValues, snr, seed, false);
	}

	/**
	 * As {@link #create(int, int, int, double[], double, long)}; with {@code patientVariation} each
	 * lesion's f, D and D* are drawn (from the seed) from its group's Table 1 mean ± SD, so phantoms with
	 * different seeds make a study of different patients.
	 */
	public static IvimPhantom create(int width, int height, int slices, double[] bValues, double snr, long seed,
		boolean patientVariation)
	{
		if (width < 32 || height < 32) throw new IllegalArgumentException("The phantom needs at least 32 × 32 pixels.");
		if (slices < 1) throw new IllegalArgumentException("The phantom needs at least one slice.");
		if (bValues.length < 2) throw new IllegalArgumentException("The phantom needs at least two b-values.");
		return new IvimPhantom(width, height, slices, bValues, snr, seed, patientVariation);
	}
}

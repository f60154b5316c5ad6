package org.ivimj.ij;

import ij.ImagePlus;
import ij.process.LUT;
import ij.plugin.LutLoader;

import java.awt.image.IndexColorModel;

/**
 * Lookup table and display range that suit a parameter: diffusivities (ADC, D, DDC) "Fire"; D*
 * "blue to red" (hues from blue through green and yellow to red: ImageJ's "Spectrum" starts and ends in
 * red, so its lowest and highest values look alike); f "Ice"; α "Fire"; R² grey; S0, standard errors and anything else grey. The range runs from
 * the 1st to the 99th percentile of the map's fitted voxels (robust to a few wild fits), falling back to
 * the parameter's usual range when too few voxels were fitted. Outside the region and where a fit failed
 * (NaN), and below the range, the map shows black in every LUT: the LUT's first entry is black and the
 * range starts one step below the lowest value shown in colour, so no colour stands for "no value".
 */
public final class MapStyle {

	/** Name of the D* LUT, made here (not one of ImageJ's built-in tables). */
	public static final String BLUE_TO_RED = "blue to red";

	public final String lut;
	public final double min, max;

	private MapStyle(String lut, double min, double max) {
		this.lut = lut;
		this.min = min;
		this.max = max;
	}

	/** Style of a parameter token (see {@link MapNames#token}); {@code values} give data-driven ranges. */
	public static MapStyle of(String token, boolean standardError, float[][] planes) {
		if (!standardError) switch (token) {
			case "ADC": case "D": case "DDC": return new MapStyle("fire", 0, robustMax(planes, 0.003));
			case "Dstar": return new MapStyle(BLUE_TO_RED, 0, robustMax(planes, 0.1));
			case "f": return new MapStyle("ice", 0, robustMax(planes, 0.6));
			case "alpha": return new MapStyle("fire", 0, robustMax(planes, 1));
			case "K": return new MapStyle("fire", 0, robustMax(planes, 2));
			case "R2": return new MapStyle("grays", 0, 1);
			case "status": return new MapStyle("grays", 0, 3);
			case "model": return new MapStyle("3-3-2 RGB", 0, 3);
			default: break;
		}
		return new MapStyle("grays", 0, percentile(planes, 0.995));
	}

	/** Applies the LUT and range to every plane of a map. */
	public void apply(ImagePlus imp) {
		imp.setLut(lut());
		// NaN maps to LUT entry 0 (black): start the range one entry below min so min itself shows in colour.
		imp.setDisplayRange(displayMin(), max);
	}

	/** The display minimum: one LUT entry below {@link #min}, so values ≥ min never take the black entry 0. */
	public double displayMin() {
		return min - (max - min) / 254;
	}

	/**
	 * The inverse of {@link #displayMin()}: the lowest value a map shows in colour (LUT entry 1), from its
	 * display range; what a calibration bar prints at its foot.
	 */
	public static double lowestColourValue(double displayMin, double displayMax) {
		return displayMin + (displayMax - displayMin) / 255;
	}

	/** The named LUT with its first entry black (no value). */
	public LUT lut() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		if (lut.equals(BLUE_TO_RED)) {
			for (int i = 0; i < 256; i++) {
				int rgb = java.awt.Color.HSBtoRGB((float) (2.0 / 3.0 * (1 - i / 255.0)), 1f, 1f);
				r[i] = (byte) (rgb >> 16);
				g[i] = (byte) (rgb >> 8);
				b[i] = (byte) rgb;
			}
		}
		else {
			IndexColorModel cm = LutLoader.getLut(lut);
			cm.getReds(r);
			cm.getGreens(g);
			cm.getBlues(b);
		}
		r[0] = g[0] = b[0] = 0;
		return new LUT(r, g, b);
	}

	/**
	 * The 99th percentile of the map's fitted voxels (all these parameters are ≥ 0, so the range starts at
	 * 0), leaving out a pile of voxels on the highest value (fits stopped on the upper bound, more than
	 * 1 % of them), or {@code usual} when fewer than 20 voxels were fitted.
	 */
	static double robustMax(float[][] planes, double usual) {
		int n = 0;
		float highest = Float.NEGATIVE_INFINITY;
		for (float[] p : planes)
			for (float v : p)
				if (Float.isFinite(v)) {
					n++;
					if (v > highest) highest = v;
				}
		if (n < 20) return usual;
		// Fits that stop on the upper bound pile up on one value (D* at 0.2 where D* is not determined):
		// they show in the top colour anyway, and must not stretch the range over the values that were fitted.
		int atTop = 0;
		for (float[] p : planes)
			for (float v : p)
				if (v == highest) atTop++;
		// Fewer than 1 % on it cannot move the 99th percentile there, so only a larger pile is left out.
		float below = atTop > 0.01 * n && n - atTop >= 20 ? highest : Float.POSITIVE_INFINITY;
		double top = percentile(planes, 0.99, below);
		return top > 0 ? top : usual;
	}

	private static double percentile(float[][] planes, double q) {
		return percentile(planes, q, Float.POSITIVE_INFINITY);
	}

	/** The q-th quantile of the finite values below {@code below}. */
	private static double percentile(float[][] planes, double q, float below) {
		int n = 0;
		for (float[] p : planes)
			for (float v : p)
				if (Float.isFinite(v) && v < below) n++;
		if (n == 0) return 1;
		// A strided sample of at most 2^16 values fixes a display range as well as all of them, much faster.
		int stride = Math.max(1, n / 65536);
		float[] sample = new float[(n + stride - 1) / stride];
		int k = 0, seen = 0;
		for (float[] p : planes)
			for (float v : p)
				if (Float.isFinite(v) && v < below && seen++ % stride == 0 && k < sample.length) sample[k++] = v;
		double top = select(sample, k, Math.min(k - 1, (int) Math.floor(q * (k - 1))));
		return top > 0 ? top : 1;
	}

	/** The r-th smallest of a[0..n) (what sorting would put at r), partly reordering a: Hoare's selection, O(n). */
	static float select(float[] a, int n, int r) {
		int lo = 0, hi = n - 1;
		while (lo < hi) {
			float pivot = a[(lo + hi) >>> 1];
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot) i++;
				while (a[j] > pivot) j--;
				if (i <= j) {
					float t = a[i];
					a[i++] = a[j];
					a[j--] = t;
				}
			}
			if (r <= j) hi = j;
			else if (r >= i) lo = i;
			else return a[r];
		}
		return a[r];
	}
}

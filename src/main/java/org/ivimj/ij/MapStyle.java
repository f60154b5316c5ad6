package org.ivimj.ij;

import ij.ImagePlus;
import ij.process.LUT;
import ij.plugin.LutLoader;

import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * Lookup table and display range that suit a parameter: diffusivities (ADC, D, DDC) "Fire" over
 * 0–0.003 mm²/s; D* "Spectrum" over 0–0.1 mm²/s; f "Ice" over 0–0.6; α "Fire" over 0–1; R² grey
 * over 0–1; S0, standard errors and anything else grey from 0 to the 99.5th percentile.
 */
public final class MapStyle {

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
			case "ADC": case "D": case "DDC": return new MapStyle("fire", 0, 0.003);
			case "Dstar": return new MapStyle("spectrum", 0, 0.1);
			case "f": return new MapStyle("ice", 0, 0.6);
			case "alpha": return new MapStyle("fire", 0, 1);
			case "K": return new MapStyle("fire", 0, 2);
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
		imp.setDisplayRange(min, max);
	}

	public LUT lut() {
		IndexColorModel cm = LutLoader.getLut(lut);
		LUT l = new LUT(cm, min, max);
		return l;
	}

	private static double percentile(float[][] planes, double q) {
		int n = 0;
		for (float[] p : planes)
			for (float v : p)
				if (Float.isFinite(v)) n++;
		if (n == 0) return 1;
		// A strided sample of at most 2^16 values fixes a display range as well as all of them, much faster.
		int stride = Math.max(1, n / 65536);
		float[] sample = new float[(n + stride - 1) / stride];
		int k = 0, seen = 0;
		for (float[] p : planes)
			for (float v : p)
				if (Float.isFinite(v) && seen++ % stride == 0 && k < sample.length) sample[k++] = v;
		Arrays.sort(sample, 0, k);
		double top = sample[Math.min(k - 1, (int) Math.floor(q * (k - 1)))];
		return top > 0 ? top : 1;
	}
}

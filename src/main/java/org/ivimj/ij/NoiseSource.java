package org.ivimj.ij;

import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ivimj.fit.NoiseEstimate;

/**
 * Where the noise SD σ for the noise-floor-aware and shrinkage fits comes from, as written in the
 * {@code noise_sigma} option: {@code off}; a number (signal units); {@code background} — the ROI
 * Manager's ROIs whose names start with "background" (drawn outside the body; Rayleigh statistics
 * on the lowest-b image); or {@code b0} — the spread of repeated images at the lowest b-value.
 */
public final class NoiseSource {

	/** ROI names starting with this (any case) mark background regions, never fitted as lesions. */
	public static final String BACKGROUND_PREFIX = "background";

	private final String text;

	private NoiseSource(String text) {
		this.text = text;
	}

	/** Parses the option; throws {@link IvimInputException} with what to write otherwise. */
	public static NoiseSource parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("off") || t.equals("none") || t.equals("background") || t.equals("b0"))
			return new NoiseSource(t.isEmpty() || t.equals("none") ? "off" : t);
		try {
			double v = Double.parseDouble(t);
			if (v > 0 && !Double.isInfinite(v)) return new NoiseSource(t);
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IvimInputException("noise_sigma=" + text + ": give off, a noise SD (> 0) in signal units, background "
			+ "(ROI Manager ROIs named background…, drawn outside the body) or b0 (spread of repeated lowest-b images).");
	}

	/** Whether the fits ignore the noise floor. */
	public boolean off() {
		return text.equals("off");
	}

	/** Whether an ROI marks background rather than a lesion. */
	public static boolean isBackground(String roiName) {
		return roiName != null && roiName.toLowerCase(Locale.ROOT).startsWith(BACKGROUND_PREFIX);
	}

	/** σ for this image (NaN when off), with a sentence saying where it came from in {@code note[0]}. */
	public double sigma(DiffusionHyperstack h, String[] note) {
		if (off()) return Double.NaN;
		try {
			if (text.equals("background")) return fromBackground(h, note);
			if (text.equals("b0")) return fromRepeats(h, note);
		}
		catch (IllegalArgumentException e) {
			throw new IvimInputException("noise_sigma=" + text + ": " + e.getMessage());
		}
		note[0] = "noise SD = " + text + " (typed)";
		return Double.parseDouble(text);
	}

	private static double fromBackground(DiffusionHyperstack h, String[] note) {
		RoiManager rm = RoiManager.getInstance();
		List<Roi> rois = new ArrayList<>();
		List<String> names = new ArrayList<>();
		if (rm != null)
			for (int i = 0; i < rm.getCount(); i++)
				if (isBackground(rm.getName(i))) {
					rois.add(rm.getRoi(i));
					names.add(rm.getName(i));
				}
		if (rois.isEmpty()) throw new IvimInputException("noise_sigma=background needs an ROI named \"background\" in the "
			+ "ROI Manager, drawn outside the body (it is not fitted as a lesion).");
		FitRegion region = FitRegion.ofRois(h, rois, names, "background");
		float[] signals = h.gather(region.masks(), region.voxelCount());
		int nb = h.bCount(), lowest = h.lowestBIndex();
		float[] values = new float[region.voxelCount()];
		for (int v = 0; v < values.length; v++) values[v] = signals[v * nb + lowest];
		double sigma = NoiseEstimate.fromBackground(values);
		note[0] = String.format(Locale.ROOT, "noise SD = %.6g from %d background voxels (Rayleigh)", sigma, values.length);
		return sigma;
	}

	private static double fromRepeats(DiffusionHyperstack h, String[] note) {
		double[] b = h.bValues();
		double lowB = b[h.lowestBIndex()];
		int count = 0;
		for (double v : b)
			if (v == lowB) count++;
		if (count < 2) throw new IvimInputException("noise_sigma=b0 needs at least two images at the lowest b-value ("
			+ BValueText.format(new double[] {lowB}) + " s/mm² has " + count + "): give a value or use background.");
		FitRegion all = FitRegion.whole(h);
		float[] signals = h.gather(all.masks(), all.voxelCount());
		int nb = b.length;
		float[] repeats = new float[all.voxelCount() * count];
		for (int v = 0, o = 0; v < all.voxelCount(); v++)
			for (int i = 0; i < nb; i++)
				if (b[i] == lowB) repeats[o++] = signals[v * nb + i];
		double threshold = FitRegion.otsu(h, h.lowestBIndex());
		double sigma = NoiseEstimate.fromRepeats(repeats, count, threshold);
		note[0] = String.format(Locale.ROOT, "noise SD = %.6g from the spread of %d images at b = %s above %.4g", sigma,
			count, BValueText.format(new double[] {lowB}), threshold);
		return sigma;
	}
}

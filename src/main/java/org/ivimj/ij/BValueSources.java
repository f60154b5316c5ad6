package org.ivimj.ij;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds an image's b-values in its slice labels or image properties, and which hyperstack dimension
 * (channels, slices, frames) holds them: detected when only one dimension fits, otherwise the user
 * must choose.
 */
public final class BValueSources {

	private BValueSources() {}

	/** Size of a dimension of the image. */
	public static int size(ImagePlus imp, BDimension d) {
		switch (d) {
			case CHANNELS: return imp.getNChannels();
			case SLICES: return imp.getNSlices();
			default: return imp.getNFrames();
		}
	}

	/** "1 channel × 20 slices × 10 frames" */
	public static String describe(ImagePlus imp) {
		return imp.getNChannels() + " channel(s) × " + imp.getNSlices() + " slice(s) × " + imp.getNFrames()
			+ " frame(s)";
	}

	/**
	 * The dimension that holds {@code count} b-values: the given one (checked), or, if {@code chosen}
	 * is null, the only dimension of that size.
	 */
	public static BDimension dimensionFor(ImagePlus imp, int count, BDimension chosen) {
		requireSeveralImages(imp);
		if (chosen != null) {
			int n = size(imp, chosen);
			if (n != count) throw new IvimInputException(count + " b-values given but the image has " + n + " "
				+ chosen.word() + " (" + describe(imp) + "): give one b-value per " + singular(chosen)
				+ ", or choose the dimension that holds b.");
			return chosen;
		}
		List<BDimension> fits = new ArrayList<>();
		for (BDimension d : BDimension.values())
			if (size(imp, d) == count) fits.add(d);
		if (fits.isEmpty()) throw new IvimInputException(count + " b-values given but no dimension of \""
			+ imp.getTitle() + "\" (" + describe(imp) + ") has " + count
			+ " images: give one b-value per image of the b dimension.");
		if (fits.size() > 1) throw new IvimInputException("Both " + fits.get(0).word() + " and " + fits.get(1).word()
			+ " of \"" + imp.getTitle() + "\" have " + count + " images: choose which holds b (dimension=...).");
		return fits.get(0);
	}

	/**
	 * b-values read from slice labels ("b=800", "b800") along the chosen dimension, or along the only
	 * dimension whose labels all name a b-value when {@code chosen} is null.
	 */
	public static double[] fromSliceLabels(ImagePlus imp, BDimension chosen) {
		requireSeveralImages(imp);
		List<BDimension> candidates = new ArrayList<>();
		if (chosen != null) candidates.add(chosen);
		else for (BDimension d : BDimension.values())
			if (size(imp, d) > 1) candidates.add(d);
		double[] found = null;
		BDimension foundDim = null;
		for (BDimension d : candidates) {
			double[] b = labelsAlong(imp, d);
			if (b == null) continue;
			if (found != null) throw new IvimInputException("Slice labels of \"" + imp.getTitle()
				+ "\" name b-values along both " + foundDim.word() + " and " + d.word()
				+ ": choose which holds b (dimension=...).");
			found = b;
			foundDim = d;
		}
		if (found == null) throw new IvimInputException("The slice labels of \"" + imp.getTitle()
			+ "\" do not name a different b-value on each image (like \"b=800\" or \"b800\")"
			+ (chosen == null ? "" : " along " + chosen.word())
			+ ": type the b-values or read them from a file instead.");
		return found;
	}

	/** The dimension {@link #fromSliceLabels} used (call after it succeeded). */
	public static BDimension labelDimension(ImagePlus imp, BDimension chosen) {
		if (chosen != null) return chosen;
		for (BDimension d : BDimension.values())
			if (size(imp, d) > 1 && labelsAlong(imp, d) != null) return d;
		throw new IllegalStateException("no labelled dimension");
	}

	/** b-values from an image property or an "key = value" line of the image's Info. */
	public static double[] fromProperty(ImagePlus imp, String key) {
		String value = key == null || key.trim().isEmpty() ? null : imp.getProp(key.trim());
		if (value == null || value.trim().isEmpty()) throw new IvimInputException("\"" + imp.getTitle()
			+ "\" has no property \"" + key + "\" (see Image › Show Info): type the b-values instead.");
		try {
			return BValueText.parseList(value);
		}
		catch (IvimInputException e) {
			throw new IvimInputException("Property \"" + key + "\": " + e.getMessage());
		}
	}

	private static double[] labelsAlong(ImagePlus imp, BDimension d) {
		ImageStack stack = imp.getStack();
		int n = size(imp, d);
		if (n < 2) return null;
		double[] b = new double[n];
		for (int i = 0; i < n; i++) {
			int c = d == BDimension.CHANNELS ? i + 1 : 1;
			int z = d == BDimension.SLICES ? i + 1 : 1;
			int t = d == BDimension.FRAMES ? i + 1 : 1;
			b[i] = BValueText.fromLabel(stack.getSliceLabel(imp.getStackIndex(c, z, t)));
			if (Double.isNaN(b[i])) return null;
		}
		// Labels that repeat one b-value belong to a dimension other than b (e.g. slices of a b=0 frame).
		for (double v : b)
			if (v != b[0]) return b;
		return null;
	}

	static void requireSeveralImages(ImagePlus imp) {
		if (imp.getStackSize() < 2) throw new IvimInputException("\"" + imp.getTitle()
			+ "\" is a single image: IVIM needs one image per b-value, as a stack or hyperstack "
			+ "(e.g. Image › Stacks › Images to Stack).");
	}

	private static String singular(BDimension d) {
		return d.word().substring(0, d.word().length() - 1);
	}
}

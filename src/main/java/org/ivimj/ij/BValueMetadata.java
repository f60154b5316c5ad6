package org.ivimj.ij;

import ij.ImagePlus;

/**
 * Keeps an image's b-values, and the hyperstack dimension that holds them, with the image itself as
 * ImageJ image properties ({@link ImagePlus#setProp}), which ImageJ saves in TIFF headers, so a saved
 * and reopened image still knows its b-values. Every IVIM-J command reads them from here.
 */
public final class BValueMetadata {

	/** Property holding the b-values in s/mm², comma-separated, in the order of the b dimension. */
	public static final String BVALUES_KEY = "IVIM.bvalues";
	/** Property holding the b dimension: channels, slices or frames. */
	public static final String DIMENSION_KEY = "IVIM.bdimension";

	private BValueMetadata() {}

	/** Stores b-values and their dimension with the image. */
	public static void set(ImagePlus imp, double[] bValues, BDimension dimension) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < bValues.length; i++) {
			if (i > 0) sb.append(',');
			sb.append(format(bValues[i]));
		}
		imp.setProp(BVALUES_KEY, sb.toString());
		imp.setProp(DIMENSION_KEY, dimension.word());
	}

	/**
	 * The stored b-values, or null when the image has none. A property that is not a list of b-values
	 * (edited by hand, or written by another program) throws {@link IvimInputException} saying how to
	 * set them again.
	 */
	public static double[] bValues(ImagePlus imp) {
		String s = imp.getProp(BVALUES_KEY);
		if (s == null || s.trim().isEmpty()) return null;
		String[] parts = s.trim().split("[,\\s]+");
		double[] b = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				b[i] = Double.parseDouble(parts[i]);
			}
			catch (NumberFormatException e) {
				b[i] = Double.NaN;
			}
			if (!(b[i] >= 0) || Double.isInfinite(b[i])) throw new IvimInputException("The image property " + BVALUES_KEY
				+ " of \"" + imp.getTitle() + "\" is \"" + s.trim() + "\", not a list of b-values ≥ 0 (\"" + parts[i]
				+ "\"): set them again with Plugins › IVIM › Set b-values...");
		}
		return b;
	}

	/** The stored b dimension, or null when the image has none; an unknown word throws {@link IvimInputException}. */
	public static BDimension dimension(ImagePlus imp) {
		String s = imp.getProp(DIMENSION_KEY);
		if (s == null || s.trim().isEmpty()) return null;
		try {
			return BDimension.parse(s);
		}
		catch (IllegalArgumentException e) {
			throw new IvimInputException("The image property " + DIMENSION_KEY + " of \"" + imp.getTitle() + "\" is \""
				+ s.trim() + "\", not channels, slices or frames: set the b-values again with Plugins › IVIM › Set b-values...");
		}
	}

	/** Formats a b-value without a trailing ".0" for whole numbers. */
	public static String format(double b) {
		return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
	}
}

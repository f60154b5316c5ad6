package org.ivimj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.DiffusionSeriesBuilder;
import org.ivimj.io.NiftiGeometry;

/**
 * Builds the IVIM hyperstack of an imported {@link DiffusionSeries} (c = 1, z = slices along the normal,
 * t = b-values; 32-bit) and reads an image's volumes back for saving, keeping the position in the
 * scanner as the image property {@value #GEOMETRY_KEY}.
 */
public final class DiffusionImages {

	/** Image property holding the NIfTI qform/sform ({@link NiftiGeometry#toText()}). */
	public static final String GEOMETRY_KEY = "IVIM.nifti.geometry";
	/** Image property holding the importer's notes (left-out images, skipped files), one per line. */
	public static final String NOTES_KEY = "IVIM.import.notes";

	private DiffusionImages() {}

	/** The hyperstack, with calibration, b-values (frames) and geometry stored with it. */
	public static ImagePlus toImagePlus(DiffusionSeries s, String title) {
		ImageStack stack = new ImageStack(s.width, s.height);
		for (int t = 0; t < s.frames(); t++)
			for (int z = 0; z < s.depth; z++) {
				String label = (s.bValues == null ? "" : "b=" + DiffusionSeriesBuilder.fmt(s.bValues[t]) + " ")
					+ "z=" + (z + 1);
				stack.addSlice(label, new FloatProcessor(s.width, s.height, s.planes[t][z]));
			}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, s.depth, s.frames());
		if (s.depth > 1 || s.frames() > 1) imp.setOpenAsHyperStack(true);
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = s.pixelWidth;
		cal.pixelHeight = s.pixelHeight;
		cal.pixelDepth = s.pixelDepth;
		cal.setUnit(s.unit);
		if (s.bValues != null) BValueMetadata.set(imp, s.bValues, BDimension.FRAMES);
		if (s.geometry != null) imp.setProp(GEOMETRY_KEY, s.geometry.toText() + " dim=" + s.width + "," + s.height + ","
			+ s.depth);
		if (!s.notes.isEmpty()) imp.setProp(NOTES_KEY, String.join("\n", s.notes));
		if (s.mapParameter != null) {
			// The scanner's own map, labelled like IVIM-J's maps so tools treat both alike.
			imp.setProperty("Info", "Scanner parameter map (derived series, not fitted by IVIM-J)\nparameter = "
				+ s.mapParameter + "\nunit = " + (s.mapUnit.isEmpty() ? "(as stored by the scanner)" : s.mapUnit) + "\n"
				+ String.join("\n", s.notes));
			imp.setProp(ParameterMaps.PARAMETER, s.mapParameter);
			imp.setProp(ParameterMaps.UNIT, s.mapUnit);
		}
		imp.resetDisplayRange();
		return imp;
	}

	/**
	 * The geometry property for maps computed from {@code source}: the source's own, or, when its b-values
	 * run along its slices (a 3-D file with one slice per b-value), the same placed for the one slice the
	 * maps have (voxel k = 0), so they are not mistaken for a cropped image. Null when there is none.
	 */
	public static String mapGeometry(ImagePlus source, boolean bAlongSlices) {
		String text = source.getProp(GEOMETRY_KEY);
		if (text == null || !bAlongSlices) return text;
		return text.replaceFirst("dim=(\\d+),(\\d+),(\\d+)", "dim=$1,$2,1");
	}

	/** The geometry stored with an image, or null. */
	public static NiftiGeometry geometry(ImagePlus imp) {
		return NiftiGeometry.parse(imp.getProp(GEOMETRY_KEY));
	}

	/**
	 * The geometry stored with {@code source} if it was made for images of width x height x depth
	 * voxels, else null: a cropped or resized image keeps the property but no longer sits where it says.
	 */
	public static NiftiGeometry geometryFor(ImagePlus source, int width, int height, int depth) {
		String text = source.getProp(GEOMETRY_KEY);
		NiftiGeometry g = NiftiGeometry.parse(text);
		if (g == null) return null;
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("dim=(\\d+),(\\d+),(\\d+)").matcher(text);
		if (!m.find()) return null;
		boolean same = Integer.parseInt(m.group(1)) == width && Integer.parseInt(m.group(2)) == height
			&& Integer.parseInt(m.group(3)) == depth;
		return same ? g : null;
	}

	/**
	 * The image's pixel values (calibrated for 8- and 16-bit images) as volumes[v][z]: one volume per frame
	 * and channel (channels varying fastest), z = slices.
	 */
	public static float[][][] volumes(ImagePlus imp) {
		int c = imp.getNChannels(), z = imp.getNSlices(), t = imp.getNFrames();
		ImageStack stack = imp.getStack();
		Calibration cal = imp.getCalibration();
		float[][][] out = new float[c * t][z][];
		for (int ti = 0; ti < t; ti++)
			for (int ci = 0; ci < c; ci++)
				for (int zi = 0; zi < z; zi++) {
					ImageProcessor ip = stack.getProcessor(imp.getStackIndex(ci + 1, zi + 1, ti + 1));
					out[ti * c + ci][zi] = floats(ip, cal);
				}
		return out;
	}

	/** One slice as floats, calibrated (e.g. signed 16-bit DICOM) for 8- and 16-bit images. */
	public static float[] floats(ImageProcessor ip, Calibration cal) {
		int n = ip.getWidth() * ip.getHeight();
		float[] f = new float[n];
		boolean calibrated = cal != null && cal.calibrated() && !(ip instanceof FloatProcessor);
		for (int i = 0; i < n; i++) {
			float raw = ip.getf(i);
			f[i] = calibrated ? (float) cal.getCValue(raw) : raw;
		}
		return f;
	}
}

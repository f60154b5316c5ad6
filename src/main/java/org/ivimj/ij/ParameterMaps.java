package org.ivimj.ij;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Builds the 32-bit output maps: one plane per position with the source's width, height, slices,
 * frames and spatial calibration, NaN outside the fitted region, the parameter and unit in the title,
 * image info and value unit, and a LUT and display range that suit the parameter.
 */
public final class ParameterMaps {

	/** Image properties naming a map's parameter and its unit (scripts and Save as NIfTI read them). */
	public static final String PARAMETER = "IVIM.parameter", UNIT = "IVIM.unit";
	/** The same for hyperstack channel c (append c, from 1). */
	public static final String CHANNEL_PARAMETER = PARAMETER + ".c", CHANNEL_UNIT = UNIT + ".c";

	private ParameterMaps() {}

	/**
	 * A map image.
	 *
	 * @param token parameter token for the display style ({@link MapNames#token})
	 * @param info lines describing method, source, b-values and region
	 */
	public static ImagePlus build(DiffusionHyperstack h, String title, float[][] planes, String parameter,
		String unit, String token, boolean standardError, String info)
	{
		ImageStack stack = new ImageStack(h.width(), h.height());
		for (int p = 0; p < planes.length; p++) stack.addSlice(label(h, parameter, unit, p), planes[p]);
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(h.mapChannels(), h.mapSlices(), h.mapFrames());
		if (imp.getNDimensions() > 3) imp.setOpenAsHyperStack(true);
		imp.setCalibration(calibration(h, unit));
		imp.setProperty("Info", "IVIM-J parameter map\nparameter = " + parameter + "\nunit = "
			+ (unit.isEmpty() ? "(dimensionless)" : unit) + "\n" + info);
		imp.setProp(PARAMETER, parameter);
		imp.setProp(UNIT, unit);
		// Maps share the source's voxel grid, so its NIfTI orientation lets "Save as NIfTI..." place them.
		String geometry = DiffusionImages.mapGeometry(h.image(), h.bDimension() == BDimension.SLICES);
		if (geometry != null && h.mapFrames() == 1 && h.mapChannels() == 1) imp.setProp(DiffusionImages.GEOMETRY_KEY, geometry);
		MapStyle.of(token, standardError, planes).apply(imp);
		return imp;
	}

	/**
	 * All maps in one hyperstack, a channel per map (slice labels and channel LUTs from the maps). Needs
	 * maps without channels of their own.
	 */
	public static ImagePlus hyperstack(DiffusionHyperstack h, String title, List<ImagePlus> maps) {
		if (h.mapChannels() > 1) throw new IvimInputException("The source has channels besides its b-values, so"
			+ " the maps cannot be combined into one hyperstack with a channel per parameter: choose maps=[single images].");
		int n = maps.size();
		ImageStack stack = new ImageStack(h.width(), h.height());
		for (int p = 0; p < h.positionCount(); p++)
			for (ImagePlus m : maps)
				stack.addSlice(m.getTitle(), m.getStack().getPixels(p + 1));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(n, h.mapSlices(), h.mapFrames());
		imp.setCalibration(calibration(h, ""));
		StringBuilder info = new StringBuilder("IVIM-J parameter maps, one channel per map:\n");
		for (int c = 0; c < n; c++) info.append("channel ").append(c + 1).append(" = ").append(maps.get(c).getTitle()).append('\n');
		imp.setProperty("Info", info.toString());
		if (n == 1) return imp;
		// COLOR mode: each channel shown alone in its own LUT (GRAYSCALE would show every map in grey).
		CompositeImage comp = new CompositeImage(imp, IJ.COLOR);
		for (int c = 0; c < n; c++) {
			ImagePlus m = maps.get(c);
			// What each channel is, for its calibration bar and for scripts (the channel's own map properties).
			comp.setProp(CHANNEL_PARAMETER + (c + 1), m.getProp(PARAMETER));
			comp.setProp(CHANNEL_UNIT + (c + 1), m.getProp(UNIT));
			comp.setChannelLut(m.getProcessor().getLut(), c + 1);
			comp.setPosition(c + 1, 1, 1);
			comp.setDisplayRange(m.getDisplayRangeMin(), m.getDisplayRangeMax());
		}
		comp.setPosition(1, 1, 1);
		comp.setOpenAsHyperStack(true);
		return comp;
	}

	private static Calibration calibration(DiffusionHyperstack h, String unit) {
		Calibration cal = h.image().getCalibration().copy();
		cal.disableDensityCalibration();
		cal.setValueUnit(unit.isEmpty() ? "" : unit);
		return cal;
	}

	private static String label(DiffusionHyperstack h, String parameter, String unit, int p) {
		int[] czt = h.mapCoordinates(p);
		StringBuilder sb = new StringBuilder(parameter);
		if (!unit.isEmpty()) sb.append(" (").append(unit).append(')');
		if (h.mapChannels() > 1) sb.append(" c=").append(czt[0]);
		if (h.mapSlices() > 1) sb.append(" z=").append(czt[1]);
		if (h.mapFrames() > 1) sb.append(" t=").append(czt[2]);
		return sb.toString();
	}
}

package org.ivimj.ij;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.ColorProcessor;
import ij.process.LUT;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/**
 * A calibration bar on a parameter map, as an overlay (the pixel values stay untouched): the map's
 * lookup table as a vertical gradient at the right edge, its display range's top and bottom values
 * and the unit. On a hyperstack of maps each channel gets its own bar, shown with that channel only.
 */
public final class CalibrationBars {

	private CalibrationBars() {}

	/** Adds a bar per map (per channel of a hyperstack) to the image's overlay. */
	public static void add(ImagePlus imp) {
		Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
		int channels = imp.getNChannels();
		for (int c = 1; c <= channels; c++) {
			LUT lut = imp instanceof CompositeImage ? ((CompositeImage) imp).getChannelLut(c) : imp.getProcessor().getLut();
			double min = lut.min, max = lut.max;
			if (!(imp instanceof CompositeImage)) {
				min = imp.getDisplayRangeMin();
				max = imp.getDisplayRangeMax();
			}
			String parameter = channels > 1 ? imp.getProp(ParameterMaps.CHANNEL_PARAMETER + c) : imp.getProp(ParameterMaps.PARAMETER);
			String unit = channels > 1 ? imp.getProp(ParameterMaps.CHANNEL_UNIT + c) : imp.getProp(ParameterMaps.UNIT);
			if (parameter == null && channels > 1) parameter = imp.getStack().getSliceLabel(imp.getStackIndex(c, 1, 1));
			for (Roi r : bar(imp.getWidth(), imp.getHeight(), lut, min, max, parameter, unit)) {
				if (channels > 1) r.setPosition(c, 0, 0);
				overlay.add(r);
			}
		}
		imp.setOverlay(overlay);
	}

	private static Roi[] bar(int width, int height, LUT lut, double displayMin, double max, String parameter, String unit) {
		int barH = Math.max(20, height * 3 / 5), barW = Math.max(4, width / 28);
		int fontSize = Math.max(8, Math.min(14, height / 16));
		Font font = new Font("SansSerif", Font.PLAIN, fontSize);
		TextRoi top = new TextRoi(0, 0, format(max), font);
		double lowest = MapStyle.lowestColourValue(displayMin, max);
		// The range of every map but standard errors starts at 0: print 0, not the rounding residue.
		if (Math.abs(lowest) < 1e-9 * Math.abs(max)) lowest = 0;
		TextRoi bottom = new TextRoi(0, 0, format(lowest), font);
		String caption = ((parameter != null ? parameter : "") + (unit != null && !unit.isEmpty() ? " (" + unit + ")" : "")).trim();
		TextRoi units = new TextRoi(0, 0, caption, font);
		int numbersW = Math.max(top.getBounds().width, bottom.getBounds().width);
		// Bar and numbers at the right edge, the caption under them.
		int x = width - 4 - numbersW - 2 - barW, y = Math.max(fontSize, (height - barH) / 2);
		top.setLocation(x + barW + 2, y - fontSize / 2);
		bottom.setLocation(x + barW + 2, y + barH - fontSize);
		int captionX = Math.max(0, Math.min(x, width - 2 - units.getBounds().width));
		units.setLocation(captionX, y + barH + 2);
		ColorProcessor gradient = new ColorProcessor(barW, barH);
		for (int j = 0; j < barH; j++) {
			// Entry 0 is reserved for "no value" (black): the bar shows entries 1..255, top = max.
			int index = 1 + (int) Math.round((barH - 1 - j) * 254.0 / Math.max(1, barH - 1));
			int rgb = lut.getRGB(index);
			for (int i = 0; i < barW; i++) gradient.set(i, j, rgb);
		}
		ImageRoi image = new ImageRoi(x, y, gradient);
		for (TextRoi t : new TextRoi[] {top, bottom, units}) {
			// A dark backing under each text only, so it reads over any map without hiding more of it.
			// (Set before the text colour: ImageJ's setFillColor clears the stroke colour.)
			t.setFillColor(new Color(0, 0, 0, 160));
			t.setStrokeColor(Color.white);
			t.setAntiAlias(true);
		}
		return caption.isEmpty() ? new Roi[] {image, top, bottom} : new Roi[] {image, top, bottom, units};
	}

	private static String format(double v) {
		if (v == 0) return "0";
		double a = Math.abs(v);
		return a >= 0.01 && a < 10000 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
	}
}

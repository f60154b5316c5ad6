package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;

import org.ivimj.ij.ChoiceSource;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * The options every diffusion-series import shares, declared once — how repeats at one b-value and
 * slice are combined, and in which order volumes come — and its output, the IVIM hyperstack.
 */
abstract class SeriesImportCommand extends IvimCommand implements ChoiceSource {

	@Parameter(label = "Repeats at one b-value and slice", style = "choice", persist = false)
	public String repeats = RepeatHandling.TRACE.label;
	@Parameter(label = "Order of the volumes", style = "choice", persist = false)
	public String order = VolumeOrder.B_VALUE.label;

	@Parameter(type = ItemIO.OUTPUT, label = "IVIM series")
	public ImagePlus series;

	@Override
	public String[] choices(String parameter) {
		return parameter.equals("repeats") ? RepeatHandling.labels() : parameter.equals("order") ? VolumeOrder.labels() : null;
	}

	RepeatHandling repeatHandling() {
		return RepeatHandling.parse(repeats);
	}

	VolumeOrder volumeOrder() {
		return VolumeOrder.parse(order);
	}

	/** The hyperstack of an imported series; its import notes go to the Log. */
	void output(DiffusionSeries s, String title) {
		for (String line : s.notes) IJ.log(title() + ": " + line);
		series = DiffusionImages.toImagePlus(s, title);
	}
}

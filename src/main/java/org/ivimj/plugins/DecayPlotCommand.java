package org.ivimj.plugins;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.ij.BeforeDialog;
import org.ivimj.ij.DecayPlot;
import org.ivimj.ij.DiffusionHyperstack;
import org.ivimj.ij.FitRegion;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.MapNames;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › IVIM Decay Plot...: for the ROI selected in the ROI Manager (or the image's
 * selection), mean signal ± SD against b with each method's fitted curve and parameters in the legend,
 * on a linear and/or logarithmic signal axis. The ROI's own slice is used, else the current slice.
 * Macro: {@code run("IVIM Decay Plot...", "mono segmented free stretched scale=both");}
 */
@Plugin(type = Command.class, label = "IVIM Decay Plot...", description = "an ROI's mean signal against b with the fitted curves",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## IVIM Decay Plot..."))
public class DecayPlotCommand extends IvimCommand implements BeforeDialog {

	@Parameter(label = "Diffusion series", required = false, persist = false)
	public ImagePlus image;
	@Parameter(label = "ROI to plot (scripts; else the ROI Manager's selected ROI or the selection)", required = false, persist = false)
	public Roi roi;
	@Parameter(label = "mono: ADC, weighted log-linear", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean mono = true;
	@Parameter(label = "mono_nonlinear: ADC, non-linear", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean mono_nonlinear;
	@Parameter(label = "segmented: bi-exponential, two-step", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean segmented = true;
	@Parameter(label = "free: bi-exponential, all parameters", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean free = true;
	@Parameter(label = "stretched: stretched exponential", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean stretched = true;
	@Parameter(label = "kurtosis_segmented: IVIM-kurtosis, two-step", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean kurtosis_segmented;
	@Parameter(label = "kurtosis_free: IVIM-kurtosis, five parameters", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean kurtosis_free;
	@Parameter(label = "kurtosis_mono: DKI on b ≥ segmentation threshold", attrs = @Attr(name = "group", value = "Methods"), persist = false)
	public boolean kurtosis_mono;
	@Parameter(label = "Signal axis", choices = {"linear", "log", "both"}, persist = false)
	public String scale = "both";

	@Parameter(type = ItemIO.OUTPUT, label = "Decay plots")
	public ImagePlus[] plots;

	@Override
	public void check() {
		DiffusionHyperstack.of(image);
	}

	@Override
	void execute() {
		DiffusionHyperstack h = DiffusionHyperstack.of(image);
		Set<FitMethod> methods = EnumSet.noneOf(FitMethod.class);
		boolean[] on = {mono, mono_nonlinear, segmented, free, stretched, kurtosis_segmented, kurtosis_free, kurtosis_mono};
		FitMethod[] order = {FitMethod.MONO_LOG_LINEAR, FitMethod.MONO_NONLINEAR, FitMethod.BI_SEGMENTED, FitMethod.BI_FREE,
			FitMethod.STRETCHED, FitMethod.IVIM_KURTOSIS_SEGMENTED, FitMethod.IVIM_KURTOSIS_FREE, FitMethod.MONO_KURTOSIS};
		for (int i = 0; i < on.length; i++) if (on[i]) methods.add(order[i]);
		List<Plot> list = plots(h, roi, methods, scale, new FitOptions());
		plots = new ImagePlus[list.size()];
		for (int i = 0; i < plots.length; i++) plots[i] = list.get(i).getImagePlus();
	}

	/** The plots for the selected ROI: one or two (linear, log). */
	public static List<Plot> plots(DiffusionHyperstack h, Roi given, Set<FitMethod> methods, String scale, FitOptions options) {
		ImagePlus imp = h.image();
		Roi roi = given;
		String name = given == null ? null : given.getName() == null ? "ROI" : given.getName();
		RoiManager rm = RoiManager.getInstance();
		if (roi == null && rm != null && rm.getCount() > 0) {
			int[] sel = rm.getSelectedIndexes();
			if (sel.length > 0) {
				roi = rm.getRoi(sel[0]);
				name = rm.getName(sel[0]);
			}
		}
		if (roi == null && imp.getRoi() != null) {
			roi = imp.getRoi();
			name = roi.getName() == null ? "selection" : roi.getName();
		}
		if (roi == null) throw new IvimInputException("No ROI to plot: select one in the ROI Manager "
			+ "(roiManager(\"select\", 0)) or draw a selection on \"" + imp.getTitle() + "\".");
		FitRegion region = FitRegion.ofRois(h, Collections.singletonList(roi), Collections.singletonList(name), name);
		FitRegion.Part part = region.parts().get(0);
		if (region.parts().size() > 1) {
			// An ROI on every slice: plot the slice the user is looking at.
			int current = h.position(h.mapChannels() > 1 ? imp.getChannel() : 1, h.mapSlices() > 1 ? imp.getSlice() : 1,
				h.mapFrames() > 1 ? imp.getFrame() : 1);
			for (FitRegion.Part p : region.parts())
				if (p.position == current) part = p;
		}
		List<FitMethod> list = new ArrayList<>(methods);
		String title = MapNames.sourceName(imp.getTitle()) + "_decay_" + name.replace(' ', '_')
			+ "_z" + h.mapCoordinates(part.position)[1];
		List<Plot> plots = new ArrayList<>();
		if (!"log".equals(scale)) plots.add(DecayPlot.build(title, h, part, list, options, false));
		if (!"linear".equals(scale)) plots.add(DecayPlot.build(title + "_log", h, part, list, options, true));
		return plots;
	}
}

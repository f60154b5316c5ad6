package org.ivimj.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.ij.DecayPlot;
import org.ivimj.ij.DiffusionHyperstack;
import org.ivimj.ij.FitRegion;
import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.MapNames;
import org.ivimj.ij.OptionsDialog;

/**
 * Plugins › IVIM › IVIM Decay Plot...: for the ROI selected in the ROI Manager (or the image's
 * selection), mean signal ± SD against b with each method's fitted curve and parameters in the legend,
 * on a linear and/or logarithmic signal axis. The ROI's own slice is used, else the current slice.
 * Macro: {@code run("IVIM Decay Plot...", "mono segmented free stretched scale=both");}
 */
public class DecayPlotCommand implements PlugIn {

	public static final String[] SCALES = {"linear", "log", "both"};

	@Override
	public void run(String arg) {
		try {
			ImagePlus imp = WindowManager.getCurrentImage();
			DiffusionHyperstack h = DiffusionHyperstack.of(imp);
			OptionsDialog gd = new OptionsDialog("IVIM Decay Plot");
			gd.addCheckbox("mono (weighted log-linear ADC)", true);
			gd.addCheckbox("mono_nonlinear (ADC)", false);
			gd.addCheckbox("segmented (bi-exponential, two-step)", true);
			gd.addCheckbox("free (bi-exponential, all parameters)", true);
			gd.addCheckbox("stretched (exponential)", true);
			gd.addCheckbox("kurtosis_segmented (IVIM-kurtosis, two-step)", false);
			gd.addCheckbox("kurtosis_free (IVIM-kurtosis, all parameters)", false);
			gd.addCheckbox("kurtosis_mono (DKI on b >= segmentation threshold)", false);
			gd.addChoice("scale", SCALES, "both");
			gd.addHelp(HelpPages.url("IVIM Decay Plot..."));
			if (!gd.show()) return;
			Set<FitMethod> methods = EnumSet.noneOf(FitMethod.class);
			if (gd.getNextBoolean()) methods.add(FitMethod.MONO_LOG_LINEAR);
			if (gd.getNextBoolean()) methods.add(FitMethod.MONO_NONLINEAR);
			if (gd.getNextBoolean()) methods.add(FitMethod.BI_SEGMENTED);
			if (gd.getNextBoolean()) methods.add(FitMethod.BI_FREE);
			if (gd.getNextBoolean()) methods.add(FitMethod.STRETCHED);
			for (FitMethod m : FitMethod.kurtosis())
				if (gd.getNextBoolean()) methods.add(m);
			String scale = gd.getNextChoice();
			for (Plot p : plots(h, methods, scale, new FitOptions())) {
				// With a display, a plot window (its data can be listed and saved); otherwise a plot image.
				if (ImageJOutput.canShowWindows()) p.show();
				else ImageJOutput.show(p.getImagePlus());
			}
		}
		catch (IvimInputException e) {
			ImageJOutput.error(e.getMessage());
		}
	}

	/** The plots for the selected ROI: one or two (linear, log). */
	public static List<Plot> plots(DiffusionHyperstack h, Set<FitMethod> methods, String scale, FitOptions options) {
		ImagePlus imp = h.image();
		Roi roi = null;
		String name = null;
		RoiManager rm = RoiManager.getInstance();
		if (rm != null && rm.getCount() > 0) {
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

package org.ivimj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ij.plugin.PlugIn;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * The one ImageJ 1 menu entry type of IVIM-J: {@code plugins.config} names this class with a SciJava
 * command's class as argument, e.g. {@code org.ivimj.ij.CommandPlugIn("org.ivimj.plugins.FitMapsCommand")}.
 * It makes the command's module in the {@link SciJava#context() SciJava context}, gives it the current
 * image (its input named {@code image}), fills its other inputs from the generated dialog or the macro line ({@link CommandDialog}),
 * runs it on the calling thread (so ImageJ's progress bar, Esc and macro state work as for any
 * plugin), and shows what it returns: images as windows (or the macro's batch-mode images), the table
 * labelled "Results" as ImageJ's Results table, other tables under their labels, text in the Log,
 * ROI lists marked {@code roi-manager} in the ROI Manager.
 * Errors reach the user through {@link ImageJOutput#error} (a dialog, or a stopped macro and exit status 1).
 */
public class CommandPlugIn implements PlugIn {

	@Override
	public void run(String className) {
		Thread t = Thread.currentThread();
		ClassLoader previous = t.getContextClassLoader();
		try {
			// Plain ImageJ loads plugins through its own class loader; SciJava resolves classes through the context one.
			t.setContextClassLoader(CommandPlugIn.class.getClassLoader());
			Runner.run(className);
		}
		catch (NoClassDefFoundError e) {
			// Plain ImageJ with only IVIM-J's jar: ImageJ itself would report nothing useful.
			IJ.showProgress(1.0);
			ImageJOutput.error("IVIM-J needs SciJava Common, ImgLib2 and Commons Math, which Fiji ships: in plain ImageJ "
				+ "copy their jars into the plugins/jars folder (missing: " + e.getMessage() + ").");
		}
		finally {
			t.setContextClassLoader(previous);
		}
	}

	/** Kept apart so that a missing SciJava jar is reported by the catch above, not by class loading. */
	private static final class Runner {

		static void run(String className) {
			Context context = SciJava.context();
			CommandInfo info = context.service(CommandService.class).getCommand(className);
			if (info == null) throw new IllegalStateException("No SciJava command " + className + " (plugins.config and the jar disagree).");
			String title = title(info.getLabel());
			try {
				Map<String, Object> image = new HashMap<>();
				// The input named "image" is the image the command works on: the current one. Other image inputs
				// (e.g. Save as NIfTI's geometry_image) are for scripts; the dialog offers them by title.
				ModuleItem<?> input = info.getInput("image");
				if (input != null && input.getType() == ImagePlus.class) image.put("image", WindowManager.getCurrentImage());
				// Initializers run (in Commands.module) after the image is known: a default may depend on it.
				Module module = Commands.module(info, image);
				// A macro's keys are checked first (a typo is the likelier mistake); a user is told before the dialog
				// opens that the command cannot run on this image.
				BeforeDialog before = module.getDelegateObject() instanceof BeforeDialog ? (BeforeDialog) module.getDelegateObject() : null;
				boolean macro = ij.Macro.getOptions() != null;
				if (before != null && !macro) before.check();
				if (!new CommandDialog(module, title, HelpLinks.url(info)).fill()) return;
				if (before != null && macro) before.check();
				IJ.resetEscape();
				module.run();
				IJ.showProgress(1.0);
				show(info, module);
			}
			catch (IvimInputException e) {
				IJ.showProgress(1.0);
				ImageJOutput.error(e.getMessage().startsWith(title + ":") ? e.getMessage() : title + ": " + e.getMessage());
			}
			catch (OutOfMemoryError e) {
				IJ.showProgress(1.0);
				ImageJOutput.error(title + ": " + ImageJOutput.OUT_OF_MEMORY);
			}
		}

		private static void show(CommandInfo info, Module module) {
			// The Results table last: ImageJ's saveAs("Results") and File › Save As save the frontmost table.
			List<ModuleItem<?>> outputs = new ArrayList<>();
			for (ModuleItem<?> out : info.outputs()) if (!"Results".equals(out.getLabel())) outputs.add(out);
			for (ModuleItem<?> out : info.outputs()) if ("Results".equals(out.getLabel())) outputs.add(out);
			for (ModuleItem<?> out : outputs) {
				Object v = module.getOutput(out.getName());
				if (v instanceof ImagePlus) ImageJOutput.show((ImagePlus) v);
				else if (v instanceof ImagePlus[]) for (ImagePlus imp : (ImagePlus[]) v) ImageJOutput.show(imp);
				else if (v instanceof ResultsTable) {
					if ("Results".equals(out.getLabel())) ImageJOutput.showResults((ResultsTable) v);
					else IvimTables.publish((ResultsTable) v, out.getLabel());
				}
				else if (v instanceof Roi[] && out.get("roi-manager") != null) {
					RoiManager rm = RoiManager.getInstance();
					if (rm == null) rm = RoiManager.getRoiManager();
					// add(roi, -1), not addRoi: since ImageJ 1.54h addRoi pins a position-less ROI to the current
					// slice, which would drop a lesion's other slices on newer ImageJ only.
					for (Roi roi : (Roi[]) v) rm.add((Roi) roi.clone(), -1);
				}
				else if (v instanceof String && !((String) v).isEmpty()) IJ.log((String) v);
			}
		}
	}

	/** A menu label without its trailing dots: the dialog title and error prefix. */
	public static String title(String label) {
		return label == null ? "IVIM-J" : label.replaceAll("\\.\\.\\.$", "").replace("…", "").trim();
	}
}

package org.ivimj.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.ivimj.ij.DiffusionImages;
import org.ivimj.ij.OpenDicomStack;
import org.ivimj.io.DicomDiffusionSeries;
import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;

/**
 * File › Import › DICOM Diffusion Series (IVIM)... (argument "folder") and Plugins › IVIM › DICOM Stack
 * to IVIM Hyperstack (argument "stack"): arranges a DICOM diffusion series as the IVIM hyperstack
 * (z = slices along the normal, t = b-values, b-values stored with the image).
 * <p>
 * Macro: {@code run("DICOM Diffusion Series (IVIM)...", "folder=/data/dwi repeats=[trace (geometric mean)]
 * order=[ascending b]");} or, on the current stack, {@code run("DICOM Stack to IVIM Hyperstack...",
 * "repeats=[kept apart] order=acquisition");}
 */
public class ImportDicomDiffusionCommand implements PlugIn {

	static final String TITLE = "IVIM DICOM import";
	private static String lastFolder = "";

	@Override
	public void run(String arg) {
		CommandOutput.guarded(TITLE, () -> execute(arg));
	}

	private void execute(String arg) {
		boolean fromStack = "stack".equals(arg);
		ImagePlus source = null;
		if (fromStack) {
			source = WindowManager.getCurrentImage();
			if (source == null) {
				CommandOutput.error(TITLE, "No image is open: open a DICOM series first (File > Import > Image Sequence).");
				return;
			}
		}
		CommandOptions gd = new CommandOptions(fromStack ? "DICOM Stack to IVIM Hyperstack" : "DICOM Diffusion Series (IVIM)");
		if (!fromStack) {
			gd.addDirectoryField("Folder", lastFolder);
			gd.requireInMacro();
		}
		SeriesArrangement.addOptions(gd);
		gd.helpPage(fromStack ? "DICOM Stack to IVIM Hyperstack..." : "DICOM Diffusion Series (IVIM)...");
		if (!gd.show()) return;
		String folder = fromStack ? null : gd.nextString();
		SeriesArrangement arrangement = SeriesArrangement.read(gd, TITLE);
		if (arrangement == null) return;
		RepeatHandling repeats = arrangement.repeats;
		VolumeOrder order = arrangement.order;
		DiffusionSeries series;
		String title;
		try {
			if (fromStack) {
				series = OpenDicomStack.arrange(source, repeats, order);
				title = source.getTitle() + " IVIM";
			}
			else {
				if (folder == null || folder.trim().isEmpty()) {
					CommandOutput.error(TITLE, "No folder given: use folder=/path/to/series.");
					return;
				}
				Path dir = org.ivimj.ij.UserPaths.of(folder, "folder");
				lastFolder = dir.toString();
				series = DicomDiffusionSeries.readFolder(dir, repeats, order);
				title = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
			}
		}
		catch (IvimImportException e) {
			CommandOutput.error(TITLE, e.getMessage());
			return;
		}
		CommandOutput.log(TITLE, series.notes);
		CommandOutput.show(DiffusionImages.toImagePlus(series, title));
	}
}

package org.ivimj.plugins;

import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.measure.Calibration;
import ij.plugin.PlugIn;
import ij.process.ImageProcessor;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.DicomDiffusionSeries;
import org.ivimj.io.DicomInfoText;
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
		if (!fromStack) gd.addDirectoryField("Folder", lastFolder);
		gd.addChoice("Repeats", RepeatHandling.labels(), RepeatHandling.TRACE.label);
		gd.addChoice("Order", VolumeOrder.labels(), VolumeOrder.B_VALUE.label);
		if (!gd.show()) return;
		String folder = fromStack ? null : gd.nextString();
		RepeatHandling repeats;
		VolumeOrder order;
		try {
			repeats = RepeatHandling.parse(gd.nextChoice());
			order = VolumeOrder.parse(gd.nextChoice());
		}
		catch (IllegalArgumentException e) {
			CommandOutput.error(TITLE, e.getMessage());
			return;
		}
		DiffusionSeries series;
		String title;
		try {
			if (fromStack) {
				series = fromStack(source, repeats, order);
				title = source.getTitle() + " IVIM";
			}
			else {
				if (folder == null || folder.trim().isEmpty()) {
					CommandOutput.error(TITLE, "No folder given: use folder=/path/to/series.");
					return;
				}
				Path dir = Paths.get(folder.trim());
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

	/** Arranges an open stack whose slices carry ImageJ's DICOM header text. */
	static DiffusionSeries fromStack(ImagePlus imp, RepeatHandling repeats, VolumeOrder order) throws IvimImportException {
		ImageStack stack = imp.getStack();
		Calibration cal = imp.getCalibration();
		if (imp.getBitDepth() == 24) throw new IvimImportException(imp.getTitle(), "is an RGB image, not a DICOM series");
		List<DicomDiffusionSeries.Source> sources = new ArrayList<>();
		for (int i = 1; i <= stack.getSize(); i++) {
			String text = stack.getSliceLabel(i);
			if (!DicomInfoText.isDicomInfo(text) && stack.getSize() == 1) text = imp.getInfoProperty();
			String file = DicomInfoText.fileName(text);
			String name = imp.getTitle() + ", slice " + i + (file == null ? "" : " (" + file + ")");
			if (!DicomInfoText.isDicomInfo(text)) throw new IvimImportException(name, "carries no DICOM header:"
				+ " open the series with File > Import > Image Sequence (or DICOM) so each slice keeps its header");
			ImageProcessor ip = stack.getProcessor(i);
			sources.add(new DicomDiffusionSeries.Source(name, DicomInfoText.parse(text), () -> DiffusionImages.floats(ip, cal)));
		}
		return DicomDiffusionSeries.arrange(imp.getTitle(), sources, repeats, order, new ArrayList<>());
	}
}

package org.ivimj.plugins;

import ij.plugin.PlugIn;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.NiftiDiffusionSeries;
import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;

/**
 * File › Import › NIfTI Diffusion (IVIM)...: reads a NIfTI-1 file (.nii or .nii.gz) and its FSL .bval
 * into the IVIM hyperstack, like the DICOM import; the file's qform/sform are kept with the image so
 * maps saved with Save as NIfTI line up with it.
 * <p>
 * Macro: {@code run("NIfTI Diffusion (IVIM)...", "open=/data/dwi.nii.gz bval=[] repeats=[trace (geometric mean)]
 * order=[ascending b]");} (an empty bval means the .bval beside the image).
 */
public class ImportNiftiCommand implements PlugIn {

	static final String TITLE = "IVIM NIfTI import";
	private static String lastFile = "";

	@Override
	public void run(String arg) {
		CommandOutput.guarded(TITLE, () -> execute(arg));
	}

	private void execute(String arg) {
		CommandOptions gd = new CommandOptions("NIfTI Diffusion (IVIM)");
		gd.addFileField("Open", lastFile);
		gd.requireInMacro();
		gd.addFileField("Bval", "");
		gd.addMessage("Bval empty: the .bval file beside the image");
		SeriesArrangement.addOptions(gd);
		gd.helpPage("NIfTI Diffusion (IVIM)...");
		if (!gd.show()) return;
		String file = gd.nextString();
		String bval = gd.nextString();
		SeriesArrangement arrangement = SeriesArrangement.read(gd, TITLE);
		if (arrangement == null) return;
		RepeatHandling repeats = arrangement.repeats;
		VolumeOrder order = arrangement.order;
		if (file == null || file.trim().isEmpty()) {
			CommandOutput.error(TITLE, "No file given: use open=/path/to/image.nii.gz.");
			return;
		}
		Path path = org.ivimj.ij.UserPaths.of(file, "open");
		lastFile = path.toString();
		DiffusionSeries series;
		try {
			series = NiftiDiffusionSeries.read(path, bval == null || bval.trim().isEmpty() ? null : org.ivimj.ij.UserPaths.of(bval, "bval"),
				repeats, order);
		}
		catch (IvimImportException e) {
			CommandOutput.error(TITLE, e.getMessage());
			return;
		}
		CommandOutput.log(TITLE, series.notes);
		String title = path.getFileName().toString().replaceFirst("(?i)\\.nii(\\.gz)?$", "");
		CommandOutput.show(DiffusionImages.toImagePlus(series, title));
	}
}

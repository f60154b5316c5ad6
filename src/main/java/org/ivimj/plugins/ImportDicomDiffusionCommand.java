package org.ivimj.plugins;

import java.nio.file.Path;

import org.ivimj.ij.UserPaths;
import org.ivimj.io.DicomDiffusionSeries;
import org.ivimj.io.IvimImportException;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * File › Import › DICOM Diffusion Series (IVIM)...: reads a folder of classic or enhanced DICOM as the
 * IVIM hyperstack (z = slices along the normal, t = b-values, b-values stored with the image). Macro:
 * {@code run("DICOM Diffusion Series (IVIM)...", "folder=/data/dwi repeats=[trace (geometric mean)] order=[ascending b]");}
 */
@Plugin(type = Command.class, label = "DICOM Diffusion Series (IVIM)...", description = "a DICOM diffusion folder as the IVIM hyperstack",
	attrs = @Attr(name = "help", value = "import.md ## DICOM Diffusion Series (IVIM)..."))
public class ImportDicomDiffusionCommand extends SeriesImportCommand {

	@Parameter(label = "Folder of the series", style = "directory", persist = false)
	public String folder = "";

	@Override
	void execute() {
		if (folder == null || folder.trim().isEmpty()) throw new CommandException("No folder given: use folder=/path/to/series.");
		Path dir = UserPaths.of(folder, "folder");
		try {
			output(DicomDiffusionSeries.readFolder(dir, repeatHandling(), volumeOrder()),
				dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
		}
		catch (IvimImportException e) {
			throw new CommandException(e.getMessage());
		}
	}
}

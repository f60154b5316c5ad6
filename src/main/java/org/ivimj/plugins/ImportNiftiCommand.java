package org.ivimj.plugins;

import java.nio.file.Path;

import org.ivimj.ij.UserPaths;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.NiftiDiffusionSeries;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * File › Import › NIfTI Diffusion (IVIM)...: reads a NIfTI-1 file (.nii or .nii.gz) and its FSL .bval
 * into the IVIM hyperstack, like the DICOM import; the file's qform/sform are kept with the image so
 * maps saved with Save as NIfTI line up with it. Macro: {@code run("NIfTI Diffusion (IVIM)...",
 * "open=/data/dwi.nii.gz bval=[] repeats=[trace (geometric mean)] order=[ascending b]");} (an empty bval
 * means the .bval beside the image).
 */
@Plugin(type = Command.class, label = "NIfTI Diffusion (IVIM)...", description = "a NIfTI diffusion series and its .bval as the IVIM hyperstack",
	attrs = @Attr(name = "help", value = "import.md ## NIfTI Diffusion (IVIM)..."))
public class ImportNiftiCommand extends SeriesImportCommand {

	@Parameter(label = "NIfTI file (.nii or .nii.gz)", style = "file", persist = false)
	public String open = "";
	@Parameter(label = "b-values file (.bval; empty = the one beside the image)", style = "file", required = false, persist = false)
	public String bval = "";

	@Override
	void execute() {
		if (open == null || open.trim().isEmpty()) throw new CommandException("No file given: use open=/path/to/image.nii.gz.");
		Path path = UserPaths.of(open, "open");
		try {
			output(NiftiDiffusionSeries.read(path, bval == null || bval.trim().isEmpty() ? null : UserPaths.of(bval, "bval"),
				repeatHandling(), volumeOrder()), path.getFileName().toString().replaceFirst("(?i)\\.nii(\\.gz)?$", ""));
		}
		catch (IvimImportException e) {
			throw new CommandException(e.getMessage());
		}
	}
}

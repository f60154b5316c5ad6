package org.ivimj.plugins;

import ij.ImagePlus;

import org.ivimj.ij.OpenDicomStack;
import org.ivimj.io.IvimImportException;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › DICOM Stack to IVIM Hyperstack...: arranges a DICOM series already open as a stack
 * (e.g. from File › Import › Image Sequence) as the IVIM hyperstack, reading each slice's b-value from
 * its DICOM header. Macro: {@code run("DICOM Stack to IVIM Hyperstack...", "repeats=[kept apart] order=acquisition");}
 */
@Plugin(type = Command.class, label = "DICOM Stack to IVIM Hyperstack...", description = "an open DICOM stack as the IVIM hyperstack",
	attrs = @Attr(name = "help", value = "import.md ## DICOM Stack to IVIM Hyperstack..."))
public class DicomStackCommand extends SeriesImportCommand {

	@Parameter(label = "DICOM stack", required = false, persist = false)
	public ImagePlus image;

	@Override
	void execute() {
		if (image == null) throw new CommandException("No image is open: open a DICOM series first (File > Import > Image Sequence).");
		try {
			output(OpenDicomStack.arrange(image, repeatHandling(), volumeOrder()), image.getTitle() + " IVIM");
		}
		catch (IvimImportException e) {
			throw new CommandException(e.getMessage());
		}
	}
}

package org.ivimj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.io.DicomDiffusionSeries;
import org.ivimj.io.DicomInfoText;
import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;

/**
 * A stack ImageJ opened from DICOM (File › Import › Image Sequence), read as a diffusion series: each
 * slice's DICOM header comes from the text ImageJ keeps in its label (or the Info of a single image),
 * its pixels from the stack, calibrated.
 */
public final class OpenDicomStack {

	private OpenDicomStack() {}

	/** Arranges an open stack whose slices carry ImageJ's DICOM header text. */
	public static DiffusionSeries arrange(ImagePlus imp, RepeatHandling repeats, VolumeOrder order) throws IvimImportException {
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

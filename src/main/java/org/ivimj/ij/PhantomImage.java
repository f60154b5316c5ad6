package org.ivimj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.phantom.IvimPhantom;

/**
 * The phantom as ImageJ sees a scanner series: a 32-bit hyperstack with 1 channel, the phantom's slices
 * and one frame per b-value (the layout our DICOM/NIfTI importers produce), slice labels "b=800",
 * b-values stored with {@link BValueMetadata}, millimetre calibration; and its lesion ROIs.
 */
public final class PhantomImage {

	public static final String TITLE = "IVIM_phantom";

	private PhantomImage() {}

	public static ImagePlus image(IvimPhantom p) {
		ImageStack stack = new ImageStack(p.width, p.height);
		for (int bi = 0; bi < p.bValues.length; bi++)
			for (int z = 0; z < p.slices; z++)
				stack.addSlice("b=" + BValueMetadata.format(p.bValues[bi]), p.images[bi][z].clone());
		ImagePlus imp = new ImagePlus(TITLE, stack);
		imp.setDimensions(1, p.slices, p.bValues.length);
		imp.setOpenAsHyperStack(true);
		Calibration cal = imp.getCalibration();
		cal.setUnit("mm");
		cal.pixelWidth = cal.pixelHeight = IvimPhantom.PIXEL_MM;
		cal.pixelDepth = IvimPhantom.SLICE_MM;
		BValueMetadata.set(imp, p.bValues, BDimension.FRAMES);
		StringBuilder info = new StringBuilder("IVIM-J phantom: lesions from the seed paper's Table 1 (bi-exponential "
			+ "truth), SNR " + p.snr + " at S0 = 1000, seed " + p.seed + ", Rician noise\n");
		for (IvimPhantom.Lesion l : p.lesions)
			info.append("truth ").append(l.name).append(": f = ").append(l.tissue.f).append(", D = ").append(l.tissue.d)
				.append(", D* = ").append(l.tissue.dStar).append(" mm²/s\n");
		imp.setProperty("Info", info.toString());
		imp.setDisplayRange(0, 1200);
		return imp;
	}

	/** One oval ROI per lesion, named after it; the metastasis ROI sits on the middle slice only. */
	public static List<Roi> rois(IvimPhantom p) {
		List<Roi> rois = new ArrayList<>();
		for (IvimPhantom.Lesion l : p.lesions) {
			Roi roi = new OvalRoi(l.cx - l.roiRadius, l.cy - l.roiRadius, 2 * l.roiRadius, 2 * l.roiRadius);
			roi.setName(l.name);
			if (l.roiSlice > 0) roi.setPosition(0, l.roiSlice, 0);
			rois.add(roi);
		}
		return rois;
	}
}

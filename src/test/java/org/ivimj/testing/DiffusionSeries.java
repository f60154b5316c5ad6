package org.ivimj.testing;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.model.BiExponentialModel;

/**
 * Synthetic noise-free diffusion hyperstacks for tests: 1 channel, {@code slices} slices, one frame per
 * b-value; the left half of each image is tissue A, the right half tissue B (bi-exponential truth).
 */
public final class DiffusionSeries {

	public static final double[] B = {0, 20, 50, 100, 200, 400, 800, 1200};
	/** S0, f, D, D* of the left and right halves. */
	public static final double[] LEFT = {1000, 0.30, 0.8e-3, 0.030}, RIGHT = {800, 0.15, 1.5e-3, 0.050};

	private DiffusionSeries() {}

	/** 32-bit series, b-values stored as frames, calibrated 2 × 2 × 5 mm. */
	public static ImagePlus create(int width, int height, int slices, int bitDepth) {
		return create(width, height, slices, bitDepth, true);
	}

	public static ImagePlus create(int width, int height, int slices, int bitDepth, boolean storeB) {
		ImageStack stack = new ImageStack(width, height);
		double[] s = new double[B.length];
		for (int bi = 0; bi < B.length; bi++)
			for (int z = 0; z < slices; z++) {
				FloatProcessor fp = new FloatProcessor(width, height);
				for (int y = 0; y < height; y++)
					for (int x = 0; x < width; x++)
						fp.setf(x, y, (float) signal(x < width / 2 ? LEFT : RIGHT, B[bi], z));
				Object pixels;
				if (bitDepth == 16) pixels = ((ShortProcessor) fp.convertToShort(false)).getPixels();
				else if (bitDepth == 8) {
					FloatProcessor scaled = (FloatProcessor) fp.duplicate();
					scaled.multiply(0.25);
					pixels = ((ByteProcessor) scaled.convertToByte(false)).getPixels();
				}
				else pixels = fp.getPixels();
				stack.addSlice("b=" + BValueMetadata.format(B[bi]), pixels);
			}
		ImagePlus imp = new ImagePlus("series", stack);
		imp.setDimensions(1, slices, B.length);
		imp.setOpenAsHyperStack(true);
		Calibration cal = imp.getCalibration();
		cal.setUnit("mm");
		cal.pixelWidth = cal.pixelHeight = 2;
		cal.pixelDepth = 5;
		if (storeB) BValueMetadata.set(imp, B, BDimension.FRAMES);
		return imp;
	}

	/** Signal of a tissue at b; S0 grows by 10 % per slice so slices differ. */
	public static double signal(double[] tissue, double b, int slice) {
		double[] p = tissue.clone();
		p[0] *= 1 + 0.1 * slice;
		return BiExponentialModel.INSTANCE.value(b, p);
	}
}

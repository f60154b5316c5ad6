package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;
import ij.process.FloatProcessor;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * noise_sigma from a background ROI and from repeated b = 0 images: the σ written into the maps'
 * info matches the noise that made the image, background ROIs are not fitted as lesions, and the
 * noise-floor-aware mono ADC loses the low-SNR bias.
 */
class FitMapsNoiseTest {

	static final double SIGMA = 25;
	static final double[] B = {0, 0, 0, 200, 500, 1000, 1500, 2000, 2500};

	private RoiManager rm;

	@BeforeEach
	void setUp() {
		rm = IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	/** 40 × 20, left half tissue (S0 300, ADC 1.5e-3), right half air; Rician noise σ = 25. */
	static ImagePlus noisyImage() {
		Random rnd = new Random(8);
		ImageStack stack = new ImageStack(40, 20);
		for (double b : B) {
			FloatProcessor fp = new FloatProcessor(40, 20);
			for (int y = 0; y < 20; y++)
				for (int x = 0; x < 40; x++) {
					double s = x < 20 ? 300 * Math.exp(-b * 1.5e-3) : 0;
					fp.setf(x, y, (float) Math.hypot(s + SIGMA * rnd.nextGaussian(), SIGMA * rnd.nextGaussian()));
				}
			stack.addSlice("b=" + b, fp);
		}
		ImagePlus imp = new ImagePlus("noisy", stack);
		imp.setDimensions(1, 1, B.length);
		BValueMetadata.set(imp, B, BDimension.FRAMES);
		return imp;
	}

	static double sigmaInInfo(ImagePlus map) {
		Matcher m = Pattern.compile("noise SD = ([0-9.eE+-]+)").matcher((String) map.getProperty("Info"));
		assertTrue(m.find(), "no noise SD in the info: " + map.getProperty("Info"));
		return Double.parseDouble(m.group(1));
	}

	@Test
	void backgroundRoiGivesSigmaAndIsNotFitted() {
		ImagePlus imp = noisyImage();
		IjSession.select(imp);
		Roi lesion = new Roi(2, 2, 16, 16);
		lesion.setName("lesion");
		Roi air = new Roi(22, 2, 16, 16);
		air.setName("background air");
		rm.addRoi(lesion);
		rm.addRoi(air);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono_nonlinear region=[ROI Manager (all)] noise_sigma=background table");
		ImagePlus adc = IjSession.image("noisy_mononl_ADC (mm2 s-1)");
		assertNotNull(adc, "maps: " + IjSession.images());
		assertEquals(SIGMA, sigmaInInfo(adc), 0.06 * SIGMA);
		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(1, rt.size(), "only the lesion is fitted");
		assertEquals("lesion", rt.getStringValue("ROI", 0));
		double aware = rt.getValue("mononl_ADC_median", 0);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono_nonlinear region=[ROI Manager (all)] noise_sigma=off table");
		double plain = Analyzer.getResultsTable().getValue("mononl_ADC_median", 0);
		assertTrue(Math.abs(aware - 1.5e-3) < Math.abs(plain - 1.5e-3), "aware " + aware + ", plain " + plain);
	}

	@Test
	void repeatedB0ImagesGiveSigma() {
		ImagePlus imp = noisyImage();
		IjSession.select(imp);
		Roi lesion = new Roi(2, 2, 16, 16);
		lesion.setName("lesion");
		rm.addRoi(lesion);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono_nonlinear region=[ROI Manager (all)] noise_sigma=b0");
		ImagePlus adc = IjSession.image("noisy_mononl_ADC (mm2 s-1)");
		assertNotNull(adc, "maps: " + IjSession.images());
		assertEquals(SIGMA, sigmaInInfo(adc), 0.1 * SIGMA);
	}

	@Test
	void unusableNoiseSourcesAreReported() {
		ImagePlus imp = noisyImage();
		IjSession.select(imp);
		Roi lesion = new Roi(2, 2, 16, 16);
		rm.addRoi(lesion);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono_nonlinear region=[ROI Manager (all)] noise_sigma=background")
			.contains("background"));
		IjSession.select(imp);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono_nonlinear noise_sigma=loud").contains("noise_sigma"));
	}
}

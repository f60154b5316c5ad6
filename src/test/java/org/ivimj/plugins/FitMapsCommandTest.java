package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.testing.DiffusionSeries;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives Fit IVIM Maps through IJ.run with macro options, with ROIs in the real ROI Manager. */
class FitMapsCommandTest {

	private RoiManager rm;

	@BeforeEach
	void setUp() {
		rm = IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	private static double[] voxelSignal(ImagePlus imp, int x, int y, int z) {
		double[] s = new double[DiffusionSeries.B.length];
		for (int bi = 0; bi < s.length; bi++)
			s[bi] = imp.getStack().getProcessor(imp.getStackIndex(1, z, bi + 1)).getf(x, y);
		return s;
	}

	@Test
	void roiManagerRoisGiveMapsAndOneRowPerRoiAndSlice() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 3, 32);
		Roi left = new Roi(2, 2, 5, 5);
		left.setName("left lesion");
		Roi right = new OvalRoi(12, 1, 6, 6);
		right.setName("right lesion");
		right.setPosition(0, 2, 0); // slice 2 only
		rm.addRoi(left);
		rm.addRoi(right);
		float[] before = ((float[]) imp.getStack().getPixels(7)).clone();
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono segmented free stretched region=[ROI Manager (all)] r2_maps table");

		ImagePlus d = IjSession.image("series_biseg_D (mm2 s-1)");
		assertNotNull(d, "maps: " + IjSession.images());
		assertEquals(20, d.getWidth());
		assertEquals(10, d.getHeight());
		assertEquals(3, d.getNSlices());
		assertEquals(32, d.getBitDepth());
		assertEquals(2, d.getCalibration().pixelWidth, 0);
		assertEquals(5, d.getCalibration().pixelDepth, 0);
		assertEquals("mm²/s", d.getCalibration().getValueUnit());
		assertTrue(((String) d.getProperty("Info")).contains("parameter = D\nunit = mm²/s"));
		// Inside the left ROI on every slice: the truth of the left tissue; the right ROI on slice 2 only.
		for (int z = 1; z <= 3; z++)
			assertEquals(DiffusionSeries.LEFT[2], d.getStack().getProcessor(z).getf(4, 4), 2e-6);
		assertEquals(DiffusionSeries.RIGHT[2], d.getStack().getProcessor(2).getf(15, 4), 5e-6);
		assertTrue(Float.isNaN(d.getStack().getProcessor(1).getf(15, 4)), "right ROI is on slice 2 only");
		assertTrue(Float.isNaN(d.getStack().getProcessor(2).getf(9, 8)), "outside every ROI");
		ImagePlus f = IjSession.image("series_bifree_f");
		assertEquals(DiffusionSeries.LEFT[1], f.getStack().getProcessor(3).getf(3, 3), 1e-3);
		// Each map voxel is exactly the engine's fit of that voxel's signal.
		ImagePlus alpha = IjSession.image("series_stretched_alpha");
		FitResult expected = Ivim.fit(FitMethod.STRETCHED, DiffusionSeries.B, voxelSignal(imp, 3, 5, 2));
		assertEquals((float) expected.parameters[2], alpha.getStack().getProcessor(2).getf(3, 5), 0);
		ImagePlus adc = IjSession.image("series_mono_ADC (mm2 s-1)");
		expected = Ivim.fit(FitMethod.MONO_LOG_LINEAR, DiffusionSeries.B, voxelSignal(imp, 14, 3, 2));
		assertEquals((float) expected.parameters[1], adc.getStack().getProcessor(2).getf(14, 3), 0);
		assertNotNull(IjSession.image("series_biseg_R2"));
		assertNull(IjSession.image("series_mononl_ADC (mm2 s-1)"), "mono_nonlinear was not asked for");

		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(4, rt.size(), "left ROI on 3 slices + right ROI on 1");
		assertEquals("left lesion", rt.getStringValue("ROI", 0));
		assertEquals(3, rt.getValue("Slice", 2), 0);
		assertEquals("right lesion", rt.getStringValue("ROI", 3));
		assertEquals(2, rt.getValue("Slice", 3), 0);
		assertEquals(25, rt.getValue("Voxels", 0), 0);
		assertEquals(25 * 4, rt.getValue("Area", 0), 1e-9);
		assertEquals(DiffusionSeries.LEFT[2], rt.getValue("biseg_D_mean", 1), 2e-6);
		assertEquals(0, rt.getValue("biseg_D_sd", 1), 1e-7);
		assertEquals(DiffusionSeries.LEFT[2], rt.getValue("biseg_D_median", 1), 2e-6);
		assertEquals(DiffusionSeries.RIGHT[3], rt.getValue("bifree_Dstar_roifit", 3), 1e-4);
		assertEquals(DiffusionSeries.RIGHT[1], rt.getValue("bifree_f_mean", 3), 1e-3);
		assertEquals(25, rt.getValue("biseg_valid", 0), 0);
		assertTrue(rt.getValue("bifree_R2_roifit", 0) > 0.9999);

		// The source, its ROIs and the ROI Manager are unchanged.
		assertArrayEquals(before, (float[]) imp.getStack().getPixels(7));
		assertEquals(2, rm.getCount());
		assertEquals(2, rm.getRoi(1).getZPosition());
		assertEquals("left lesion", rm.getName(0));
	}

	@Test
	void mapsKeepTheSourcesNiftiOrientation() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 2, 32);
		imp.setProp(org.ivimj.ij.DiffusionImages.GEOMETRY_KEY, "qform=1 dim=20,10,2");
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[whole image]");
		assertEquals("qform=1 dim=20,10,2",
			IjSession.image("series_mono_ADC (mm2 s-1)").getProp(org.ivimj.ij.DiffusionImages.GEOMETRY_KEY));
	}

	@Test
	void selectedRoisOnly() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 2, 32);
		rm.addRoi(new Roi(1, 1, 3, 3));
		rm.addRoi(new Roi(12, 1, 3, 3));
		rm.select(1);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] segmented region=[ROI Manager (selected)] table");
		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(2, rt.size(), "one ROI on two slices");
		ImagePlus f = IjSession.image("series_biseg_f");
		assertTrue(Float.isNaN(f.getStack().getProcessor(1).getf(2, 2)));
		assertEquals(DiffusionSeries.RIGHT[1], f.getStack().getProcessor(1).getf(13, 2), 1e-3);
	}

	@Test
	void selectionWithoutRoiManager() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		imp.setRoi(new Roi(0, 0, 4, 4));
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=automatic table");
		ImagePlus adc = IjSession.image("series_mono_ADC (mm2 s-1)");
		assertFalse(Float.isNaN(adc.getProcessor().getf(3, 3)));
		assertTrue(Float.isNaN(adc.getProcessor().getf(4, 4)));
		assertEquals("selection", Analyzer.getResultsTable().getStringValue("ROI", 0));
		assertNotNull(imp.getRoi(), "the selection stays");
	}

	@Test
	void thresholdOnLowestBWithoutRois() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 2, 32);
		// Background: zero signal in the top rows.
		for (int i = 1; i <= imp.getStackSize(); i++)
			for (int x = 0; x < 20; x++) imp.getStack().getProcessor(i).setf(x, 0, 0);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=automatic background=auto");
		ImagePlus adc = IjSession.image("series_mono_ADC (mm2 s-1)");
		assertTrue(Float.isNaN(adc.getStack().getProcessor(2).getf(5, 0)), "background is not fitted");
		assertFalse(Float.isNaN(adc.getStack().getProcessor(2).getf(5, 5)));
		IjSession.close();
		IjSession.open();
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=threshold background=900");
		adc = IjSession.image("series_mono_ADC (mm2 s-1)");
		assertFalse(Float.isNaN(adc.getStack().getProcessor(1).getf(2, 5)), "left: S0 1000 > 900");
		assertTrue(Float.isNaN(adc.getStack().getProcessor(1).getf(15, 5)), "right: S0 800 < 900");
	}

	@Test
	void hyperstackWithAChannelPerMap() {
		ImagePlus imp = DiffusionSeries.create(12, 8, 2, 32);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "segmented region=[whole image] hyperstack");
		ImagePlus h = IjSession.image("series_IVIM_maps");
		assertNotNull(h);
		assertTrue(h instanceof CompositeImage);
		assertEquals(4, h.getNChannels());
		assertEquals(2, h.getNSlices());
		assertEquals("series_biseg_D (mm2 s-1)", h.getStack().getSliceLabel(h.getStackIndex(3, 2, 1)));
		assertEquals(DiffusionSeries.RIGHT[2], h.getStack().getProcessor(h.getStackIndex(3, 2, 1)).getf(10, 3), 5e-6);
	}

	@Test
	void sixteenAndEightBitSeriesAreFittedFromTheirUnsignedValues() {
		for (int bits : new int[] {16, 8}) {
			ImagePlus imp = DiffusionSeries.create(20, 10, 1, bits);
			imp.setRoi(new Roi(1, 1, 4, 4));
			IjSession.select(imp);
			IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=selection");
			ImagePlus adc = IjSession.image("series_mono_ADC (mm2 s-1)");
			FitResult expected = Ivim.fit(FitMethod.MONO_LOG_LINEAR, DiffusionSeries.B, voxelSignal(imp, 2, 2, 1));
			assertEquals((float) expected.parameters[1], adc.getProcessor().getf(2, 2), 0, bits + "-bit");
			assertEquals(DiffusionSeries.LEFT[2] + 0.0005, adc.getProcessor().getf(2, 2), 0.0005, bits + "-bit plausible");
			IjSession.close();
			IjSession.open();
		}
	}

	@Test
	void bValuesOnSlicesOfAPlainStack() {
		ImageStack stack = new ImageStack(6, 6);
		for (double b : DiffusionSeries.B) {
			float[] px = new float[36];
			java.util.Arrays.fill(px, (float) DiffusionSeries.signal(DiffusionSeries.LEFT, b, 0));
			stack.addSlice("", px);
		}
		ImagePlus imp = new ImagePlus("plain", stack);
		BValueMetadata.set(imp, DiffusionSeries.B, BDimension.SLICES);
		Roi roi = new Roi(0, 0, 3, 3);
		roi.setPosition(4); // drawn on the 4th b-image: applies to the one position
		rm.addRoi(roi);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] segmented region=[ROI Manager (all)] table");
		ImagePlus d = IjSession.image("plain_biseg_D (mm2 s-1)");
		assertEquals(1, d.getStackSize());
		assertEquals(DiffusionSeries.LEFT[2], d.getProcessor().getf(1, 1), 2e-6);
		assertEquals(1, Analyzer.getResultsTable().size());
	}

	// Bad input: each aborts with a message that says what to do.

	@Test
	void noImageOpen() {
		IjSession.select(null);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono").contains("No image is open"));
	}

	@Test
	void noBValuesKnown() {
		IjSession.select(DiffusionSeries.create(8, 8, 1, 32, false));
		String msg = IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[whole image]");
		assertTrue(msg.contains("No b-values are known") && msg.contains("Set b-values"), msg);
	}

	@Test
	void bValueCountDiffersFromTheBDimension() {
		ImagePlus imp = DiffusionSeries.create(8, 8, 1, 32);
		BValueMetadata.set(imp, new double[] {0, 100, 800}, BDimension.FRAMES);
		IjSession.select(imp);
		String msg = IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[whole image]");
		assertTrue(msg.contains("3 b-values but 8 frames"), msg);
	}

	@Test
	void rgbImage() {
		ImageStack stack = new ImageStack(8, 8);
		for (int i = 0; i < 3; i++) stack.addSlice(new ColorProcessor(8, 8));
		ImagePlus imp = new ImagePlus("rgb", stack);
		BValueMetadata.set(imp, new double[] {0, 100, 800}, BDimension.SLICES);
		IjSession.select(imp);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono").contains("RGB"));
	}

	@Test
	void singleImage() {
		ImagePlus imp = IJ.createImage("one", "32-bit ramp", 8, 8, 1);
		IjSession.select(imp);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono").contains("single image"));
	}

	@Test
	void virtualStack() {
		ij.VirtualStack vs = new ij.VirtualStack(8, 8, null, "/nonexistent") {
			@Override
			public int getSize() {
				return 8;
			}

			@Override
			public String getSliceLabel(int n) {
				return "b";
			}

			@Override
			public ij.process.ImageProcessor getProcessor(int n) {
				return new ij.process.FloatProcessor(8, 8);
			}
		};
		ImagePlus virtual = new ImagePlus("virtual", vs);
		BValueMetadata.set(virtual, DiffusionSeries.B, BDimension.SLICES);
		IjSession.select(virtual);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono").contains("virtual stack"));
	}

	@Test
	void roiPartlyOutsideIsClipped() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		rm.addRoi(new Roi(-3, -3, 6, 6));
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[ROI Manager (all)] table");
		assertEquals(9, Analyzer.getResultsTable().getValue("Voxels", 0), 0);
		assertFalse(Float.isNaN(IjSession.image("series_mono_ADC (mm2 s-1)").getProcessor().getf(0, 0)));
	}

	@Test
	void roiWhollyOutside() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		Roi roi = new Roi(30, 30, 5, 5);
		roi.setName("lost");
		rm.addRoi(roi);
		IjSession.select(imp);
		String msg = IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]");
		assertTrue(msg.contains("\"lost\" lies wholly outside"), msg);
	}

	@Test
	void emptyRoi() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		Roi roi = new ij.gui.PolygonRoi(new float[] {2, 6, 10}, new float[] {2, 2, 2}, Roi.POLYGON);
		roi.setName("flat");
		rm.addRoi(roi);
		IjSession.select(imp);
		String msg = IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]");
		assertTrue(msg.contains("\"flat\" contains no pixels"), msg);
	}

	@Test
	void lineRoi() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		rm.addRoi(new ij.gui.Line(1, 1, 8, 8));
		IjSession.select(imp);
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]").contains("area ROIs"));
	}

	@Test
	void emptyRoiManager() {
		IjSession.select(DiffusionSeries.create(20, 10, 1, 32));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]")
			.contains("ROI Manager is empty"));
	}

	@Test
	void badBoundsAndOptions() {
		IjSession.select(DiffusionSeries.create(20, 10, 1, 32));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "segmented region=[whole image] f_min=0.8 f_max=0.2")
			.contains("Bounds of f"));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[whole image] background=lots")
			.contains("background=auto"));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "region=[whole image]").contains("No fit method"));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "mono region=[everywhere]").contains("valid choice"));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "free region=[whole image] noise_sigma=-3")
			.contains("noise_sigma"));
		assertTrue(IjSession.runExpectingError("Fit IVIM Maps...", "free region=[whole image] max_iterations=0")
			.contains("max_iterations"));
	}

	@Test
	void fitOptionsReachTheEngine() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 1, 32);
		imp.setRoi(new Roi(1, 1, 2, 2));
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] free region=selection dstar_max=0.02");
		float dStar = IjSession.image("series_bifree_Dstar (mm2 s-1)").getProcessor().getf(1, 1);
		assertEquals(0.02, dStar, 1e-9, "D* (truth 0.03) stays inside the user's bound");
		IjSession.close();
		IjSession.open();
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] free region=selection noise_sigma=40");
		float d = IjSession.image("series_bifree_D (mm2 s-1)").getProcessor().getf(1, 1);
		assertTrue(Math.abs(d - DiffusionSeries.LEFT[2]) > 1e-7, "noise-floor-aware fit of noise-free data differs");
		FitResult expected = Ivim.fit(FitMethod.BI_FREE, DiffusionSeries.B, voxelSignal(imp, 1, 1, 1),
			new org.ivimj.fit.FitOptions().noiseSigma(40));
		assertEquals((float) expected.parameters[2], d, 0);
	}
}

package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.phantom.IvimPhantom;
import org.ivimj.phantom.PhantomTissue;
import org.ivimj.testing.IjSession;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled phantom from the menu command and from the example macro, fitted back to its truth. */
class PhantomCommandTest {

	private RoiManager rm;

	@BeforeEach
	void setUp() {
		rm = IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void menuCommandThenFitRecoversTableOneValues() {
		IJ.run("IVIM Phantom...", "slices=3 snr=50 seed=1 add_rois");
		ImagePlus imp = WindowManager.getCurrentImage();
		assertEquals("IVIM_phantom", imp.getTitle());
		assertEquals(3, imp.getNSlices());
		assertEquals(10, imp.getNFrames());
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
		assertArrayEquals(IvimPhantom.PAPER_B_VALUES, BValueMetadata.bValues(imp), 0);
		assertEquals(2, rm.getCount());
		assertEquals("tuberculous spondylitis", rm.getName(0));

		IJ.run("Fit IVIM Maps...", "maps=[single images] mono segmented free stretched region=[ROI Manager (all)] table");
		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(4, rt.size(), "spondylitis on 3 slices, metastasis on the middle one");
		PhantomTissue tb = PhantomTissue.TUBERCULOUS_SPONDYLITIS, met = PhantomTissue.SPINAL_METASTASIS;
		for (int row = 0; row < 3; row++) {
			assertEquals(tb.f, rt.getValue("biseg_f_roifit", row), 0.02);
			assertEquals(tb.d, rt.getValue("biseg_D_roifit", row), 0.05e-3);
			assertEquals(tb.dStar, rt.getValue("bifree_Dstar_roifit", row), 3e-3);
			assertEquals(tb.f, rt.getValue("bifree_f_median", row), 0.05);
		}
		assertEquals("spinal metastasis", rt.getStringValue("ROI", 3));
		assertEquals(2, rt.getValue("Slice", 3), 0);
		assertEquals(met.f, rt.getValue("biseg_f_roifit", 3), 0.02);
		assertEquals(met.d, rt.getValue("bifree_D_roifit", 3), 0.05e-3);
		assertEquals(met.dStar, rt.getValue("bifree_Dstar_roifit", 3), 5e-3);
		assertEquals(met.d, rt.getValue("biseg_D_mean", 3), 0.08e-3);
		assertTrue(rt.getValue("stretched_alpha_roifit", 3) < 1);
	}

	@Test
	void badOptions() {
		assertTrue(IjSession.runExpectingError("IVIM Phantom...", "slices=0").contains("slices"));
		assertTrue(IjSession.runExpectingError("IVIM Phantom...", "snr=-1").contains("snr"));
		assertTrue(IjSession.runExpectingError("IVIM Phantom...", "b-values=[0,1000]").contains("at least three"));
	}

	@Test
	void anotherProtocol() {
		IJ.run("IVIM Phantom...", "slices=1 snr=0 b-values=[0,100,500,1000]");
		ImagePlus imp = WindowManager.getCurrentImage();
		assertEquals(4, imp.getNFrames());
		assertArrayEquals(new double[] {0, 100, 500, 1000}, BValueMetadata.bValues(imp), 0);
		assertEquals(0, rm.getCount(), "add_rois not given");
	}

	@Test
	void exampleMacroRunsInImageJBatchModeAndWritesMapsAndCsv(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		Path macro = ImageJHarness.projectDir().resolve("macros/phantom_example.ijm");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, out.toString(), dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(Files.exists(out.resolve("IVIM_phantom_biseg_Dstar.tif")), run.toString());
		assertTrue(Files.exists(out.resolve("IVIM_phantom_stretched_alpha.tif")), run.toString());
		List<String> csv = Files.readAllLines(out.resolve("phantom_roi_results.csv"));
		assertEquals(7, csv.size(), "header + 5 slices of the spondylitis ROI + 1 metastasis row");
		String[] header = csv.get(0).split(",");
		String[] last = csv.get(6).split(",");
		int f = List.of(header).indexOf("biseg_f_roifit"), d = List.of(header).indexOf("bifree_D_roifit");
		assertEquals("spinal metastasis", last[List.of(header).indexOf("ROI")]);
		assertEquals(0.25, Double.parseDouble(last[f]), 0.02);
		assertEquals(0.85e-3, Double.parseDouble(last[d]), 0.05e-3);
		ImagePlus map = IJ.openImage(out.resolve("IVIM_phantom_biseg_D.tif").toString());
		assertEquals(5, map.getNSlices());
		assertEquals(IvimPhantom.PIXEL_MM, map.getCalibration().pixelWidth, 1e-5);
		assertTrue(Float.isNaN(map.getStack().getProcessor(1).getf(0, 0)), "outside the ROIs");
	}
}

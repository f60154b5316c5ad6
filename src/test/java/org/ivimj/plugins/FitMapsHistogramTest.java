package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ivimj.analysis.HistogramFeatures;
import org.ivimj.ij.IvimTables;
import org.ivimj.ij.LesionHistograms;
import org.ivimj.testing.DiffusionSeries;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fit IVIM Maps with {@code histogram}: histogram columns per ROI row equal to the features of the map's
 * values in the ROI, one row per 3-D lesion with its calibrated volume, the per-lesion plot, refusals,
 * and the statistics commands taking the new columns.
 */
class FitMapsHistogramTest {

	private RoiManager rm;

	@BeforeEach
	void setUp() {
		rm = IjSession.open();
		IvimTables.clear();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	/** The noise-free test series with Gaussian noise of SD 8 added, so the maps have spread. */
	private static ImagePlus noisySeries() {
		ImagePlus imp = DiffusionSeries.create(24, 12, 3, 32);
		Random r = new Random(14);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			float[] p = (float[]) imp.getStack().getPixels(i);
			for (int k = 0; k < p.length; k++) p[k] += (float) (8 * r.nextGaussian());
		}
		return imp;
	}

	private static Roi roi(Roi r, String name, int slice) {
		r.setName(name);
		if (slice > 0) r.setPosition(0, slice, 0);
		return r;
	}

	/** The map's finite-or-NaN values inside the ROI on a slice, read from the map image. */
	private static double[] values(ImagePlus map, Roi roi, int slice) {
		ImageProcessor ip = map.getStack().getProcessor(slice);
		ImageProcessor mask = roi.getMask();
		java.awt.Rectangle b = roi.getBounds();
		List<Double> v = new ArrayList<>();
		for (int y = b.y; y < b.y + b.height; y++)
			for (int x = b.x; x < b.x + b.width; x++)
				if (mask == null || mask.get(x - b.x, y - b.y) != 0) v.add((double) ip.getf(x, y));
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double[] concat(double[] a, double[] b) {
		double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	private static void assertFeature(double want, double got, String what) {
		if (Double.isNaN(want)) assertTrue(Double.isNaN(got), what + ": expected NaN, got " + got);
		else assertEquals(want, got, 1e-9 * Math.abs(want) + 1e-15, what);
	}

	@Test
	void histogramColumnsLesionTableAndPlot() {
		ImagePlus imp = noisySeries();
		Roi t1 = roi(new Roi(2, 2, 6, 6), "tumour", 1), t2 = roi(new OvalRoi(2, 2, 7, 7), "tumour", 2);
		Roi s1 = roi(new Roi(14, 3, 5, 5), "spot", 1), s3 = roi(new Roi(14, 3, 5, 4), "spot", 3);
		for (Roi r : new Roi[] {t1, t2, s1, s3}) rm.addRoi(r);
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] segmented free region=[ROI Manager (all)] histogram histogram_plot=bifree_D");

		// "table" was not listed, but histogram columns need the ROI table.
		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(4, rt.size());
		ImagePlus d = IjSession.image("series_bifree_D (mm2 s-1)"), f = IjSession.image("series_biseg_f");
		Roi[] rois = {t1, t2, s1, s3};
		int[] slices = {1, 2, 1, 3};
		for (int row = 0; row < 4; row++) {
			HistogramFeatures want = HistogramFeatures.of(values(d, rois[row], slices[row]), values(d, rois[row], slices[row]).length);
			for (int i = 2; i < HistogramFeatures.NAMES.length; i++)
				assertFeature(want.values()[i], rt.getValue("bifree_D_" + HistogramFeatures.NAMES[i], row), "row " + row + " "
					+ HistogramFeatures.NAMES[i]);
			assertEquals(want.percentile(50), rt.getValue("bifree_D_median", row), 1e-12, "p50 is the median");
			HistogramFeatures wf = HistogramFeatures.of(values(f, rois[row], slices[row]), values(f, rois[row], slices[row]).length);
			assertFeature(wf.kurtosis, rt.getValue("biseg_f_kurtosis", row), "biseg f kurtosis");
		}
		assertTrue(Double.isFinite(rt.getValue("bifree_Dstar_skewness", 0)));

		ResultsTable lt = IvimTables.find(LesionHistograms.TITLE);
		assertNotNull(lt, "per-lesion table");
		assertEquals(3, lt.size(), "tumour on slices 1-2 is one lesion; spot on 1 and 3 is two");
		assertEquals("tumour", lt.getStringValue("Lesion", 0));
		assertEquals("spot (slice 1)", lt.getStringValue("Lesion", 1));
		assertEquals("spot (slice 3)", lt.getStringValue("Lesion", 2));
		assertEquals(2, lt.getValue("Slices", 0), 0);
		int tumourVoxels = values(d, t1, 1).length + values(d, t2, 2).length;
		assertEquals(tumourVoxels, lt.getValue("Voxels", 0), 0);
		assertEquals(tumourVoxels * 2 * 2 * 5, lt.getValue("Volume", 0), 1e-9, "voxels × 2 × 2 × 5 mm³");
		double[] pooled = concat(values(d, t1, 1), values(d, t2, 2));
		HistogramFeatures want = HistogramFeatures.of(pooled, pooled.length);
		for (int i = 0; i < HistogramFeatures.NAMES.length; i++)
			assertFeature(want.values()[i], lt.getValue("bifree_D_" + HistogramFeatures.NAMES[i], 0), "tumour 3-D "
				+ HistogramFeatures.NAMES[i]);
		assertEquals(0, lt.getValue("bifree_D_failed", 0), 0);

		ImagePlus plot = IjSession.image("series_histogram_bifree_D");
		assertNotNull(plot, "plot; images: " + IjSession.images());
	}

	@Test
	void refusals() {
		ImagePlus imp = noisySeries();
		rm.addRoi(roi(new Roi(2, 2, 6, 6), "tumour", 0));
		IjSession.select(imp);
		String e = IjSession.runExpectingError("Fit IVIM Maps...", "segmented region=[ROI Manager (all)] histogram_plot=bifree_D");
		assertTrue(e.contains("biseg_D") && e.contains("histogram_plot"), e);
		int before = IjSession.images().size();
		e = IjSession.runExpectingError("Fit IVIM Maps...", "segmented region=threshold histogram");
		assertTrue(e.contains("lesion ROIs"), e);
		assertEquals(before, IjSession.images().size(), "a refused run makes no maps");
		assertNull(IvimTables.find(LesionHistograms.TITLE));
	}

	@Test
	void statisticsCommandsTakeHistogramColumns() {
		IJ.run("IVIM Phantom...", "slices=2 snr=15 seed=3");
		ImagePlus imp = IjSession.image("IVIM_phantom");
		for (int k = 0; k < 5; k++) {
			rm.addRoi(roi(new Roi(38 + 3 * (k % 3), 58 + 4 * (k / 3), 3, 3), "tb " + k, 0));
			rm.addRoi(roi(new Roi(79 + 3 * (k % 3), 58 + 4 * (k / 3), 3, 3), "met " + k, 0));
		}
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] free region=[ROI Manager (all)] histogram");
		ResultsTable lt = IvimTables.find(LesionHistograms.TITLE);
		assertEquals(10, lt.size());
		for (int i = 0; i < lt.size(); i++) lt.setValue("Group", i, lt.getStringValue("Lesion", i).startsWith("tb") ? "tb" : "met");
		String params = "parameters=[bifree_f_p75,bifree_Dstar_p90,bifree_D_entropy]";
		String table = "table=[" + LesionHistograms.TITLE + "] group=Group positive=met ";
		StatisticsCommandTesting.run("IVIM Group Comparison...", table + params);
		ResultsTable g = StatisticsCommandTesting.output(GroupComparisonCommand.TITLE);
		for (String p : new String[] {"bifree_f_p75", "bifree_Dstar_p90", "bifree_D_entropy"})
			assertTrue(Double.isFinite(g.getValue("p", StatisticsCommandTesting.row(g, "Parameter", p, null, null))), p);
		StatisticsCommandTesting.run("IVIM ROC Analysis...", table + params);
		ResultsTable roc = StatisticsCommandTesting.output(RocAnalysisCommand.TITLE);
		assertEquals(1.0, roc.getValue("AUC", StatisticsCommandTesting.row(roc, "Parameter", "bifree_f_p75", null, null)), 1e-12,
			"f separates the phantom's two lesion groups");
		StatisticsCommandTesting.run("IVIM Logistic Regression...", table + "parameters=[bifree_D_entropy]");
		assertNotNull(StatisticsCommandTesting.output(LogisticRegressionCommand.TITLE));
	}
}

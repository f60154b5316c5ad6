package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;

import org.ivimj.phantom.PhantomTissue;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fit IVIM Maps with the Bayesian shrinkage method and per-voxel model selection, through IJ.run on
 * the phantom with its lesion ROIs in the real ROI Manager: maps, posterior-SD maps, label map and
 * the table's columns.
 */
class FitMapsShrinkageTest {

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
	void shrinkageMapsPosteriorSdsAndTableColumns() {
		IJ.run("IVIM Phantom...", "slices=3 snr=30 seed=5 add_rois");
		IJ.run("Fit IVIM Maps...", "maps=[single images] free shrinkage prior_components=1 region=[ROI Manager (all)] standard_error_maps table");
		ImagePlus f = IjSession.image("IVIM_phantom_bayes_f");
		assertNotNull(f, "maps: " + IjSession.images());
		assertNotNull(IjSession.image("IVIM_phantom_bayes_f_SE"), "posterior SD map: " + IjSession.images());
		ResultsTable rt = Analyzer.getResultsTable();
		PhantomTissue tb = PhantomTissue.TUBERCULOUS_SPONDYLITIS;
		int row = 0;
		assertEquals("tuberculous spondylitis", rt.getStringValue("ROI", row));
		double shrinkSd = rt.getValue("bayes_Dstar_sd", row), freeSd = rt.getValue("bifree_Dstar_sd", row);
		assertTrue(shrinkSd < freeSd, "shrinkage narrows the D* spread in the lesion: " + shrinkSd + " vs " + freeSd);
		assertEquals(tb.f, rt.getValue("bayes_f_median", row), 0.05);
		assertEquals(tb.dStar, rt.getValue("bayes_Dstar_median", row), 0.3 * tb.dStar);
		assertTrue(rt.getValue("bayes_valid", row) > 0);
		double postSd = rt.getValue("bayes_Dstar_postsd", row);
		assertTrue(postSd > 0 && postSd < tb.dStar, "mean posterior SD of D* in the ROI: " + postSd);
	}

	@Test
	void modelSelectionLabelMapAndCounts() {
		IJ.run("IVIM Phantom...", "slices=1 snr=100 seed=2 add_rois");
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[ROI Manager (all)] model_selection=AICc table");
		ImagePlus labels = IjSession.image("IVIM_phantom_model_AICc");
		assertNotNull(labels, "label map: " + IjSession.images());
		ResultsTable rt = Analyzer.getResultsTable();
		double mono = rt.getValue("models_mono", 0), bi = rt.getValue("models_bi", 0), st = rt.getValue("models_stretched", 0);
		assertEquals(rt.getValue("Voxels", 0), mono + bi + st, 0, "every voxel gets a label");
		assertTrue(bi + st > mono, "bi-exponential tissue is not mono-exponential: " + mono + "/" + bi + "/" + st);
	}

	@Test
	void badPriorComponentsAreReported() {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		String error = IjSession.runExpectingError("Fit IVIM Maps...", "shrinkage prior_components=12 region=[ROI Manager (all)]");
		assertTrue(error.contains("prior_components"), error);
	}
}

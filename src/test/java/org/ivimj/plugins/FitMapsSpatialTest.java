package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import org.ivimj.ij.FitMapsJob;
import org.ivimj.ij.FitMapsResult;
import org.ivimj.ij.FitMapsSettings;
import org.ivimj.ij.RegionChoice;
import org.ivimj.fit.FitMethod;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spatially regularised fit from a macro: maps, table, settable weight, and its options refused when bad. */
class FitMapsSpatialTest {

	@BeforeEach
	void setUp() {
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	/** Median |estimate − truth| of f inside the phantom's tuberculous lesion (radius 12 px around (43.5, 64)) on slice 1. */
	private static double lesionError(ImagePlus f) {
		java.util.List<Double> e = new java.util.ArrayList<>();
		for (int y = 54; y < 75; y++)
			for (int x = 34; x < 54; x++)
				if (Math.hypot(x + 0.5 - 43.52, y + 0.5 - 64) < 9) e.add(Math.abs(f.getStack().getProcessor(1).getf(x, y) - 0.45));
		java.util.Collections.sort(e);
		return e.get(e.size() / 2);
	}

	@Test
	void mapsAndTableFromAMacro() {
		IJ.run("IVIM Phantom...", "slices=2 snr=15 seed=2 add_rois");
		ImagePlus imp = IjSession.image("IVIM_phantom");
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] free spatial region=threshold standard_error_maps");
		ImagePlus f = IjSession.image("IVIM_phantom_spatial_f"), free = IjSession.image("IVIM_phantom_bifree_f");
		assertNotNull(f, "maps: " + IjSession.images());
		assertNotNull(IjSession.image("IVIM_phantom_spatial_Dstar_SE (mm2 s-1)"));
		double spatialError = lesionError(f), freeError = lesionError(free);
		assertTrue(spatialError < 0.6 * freeError, "f in the lesion: spatial " + spatialError + ", free " + freeError);

		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] spatial spatial_weight=4 spatial_edge=1.5 region=[ROI Manager (all)] table");
		ResultsTable rt = Analyzer.getResultsTable();
		assertEquals(0.45, rt.getValue("spatial_f_mean", 0), 0.05);
		assertTrue(rt.getValue("spatial_Dstar_postsd", 0) > 0);
		assertEquals(rt.getValue("Voxels", 0), rt.getValue("spatial_valid", 0), 0);
	}

	@Test
	void theJobFitsEveryVoxelOfTheImageAndBadOptionsAreRefused() {
		IJ.run("IVIM Phantom...", "slices=1 snr=20 seed=3");
		ImagePlus imp = IjSession.image("IVIM_phantom");
		FitMapsSettings s = new FitMapsSettings();
		s.methods = java.util.EnumSet.of(FitMethod.BI_SPATIAL);
		s.region = RegionChoice.parse("whole image");
		s.threads = 1;
		FitMapsResult r = FitMapsJob.run(imp, s, null, null);
		assertEquals(128 * 128, r.fits.get(FitMethod.BI_SPATIAL).voxelCount);
		IjSession.select(imp);
		String e = IjSession.runExpectingError("Fit IVIM Maps...", "spatial spatial_weight=-2 region=threshold");
		assertTrue(e.contains("spatial_weight=-2 is out of range: give a value of at least 0"), e);
	}
}

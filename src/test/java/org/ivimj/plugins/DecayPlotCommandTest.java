package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.util.EnumSet;
import java.util.List;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.ij.DiffusionHyperstack;
import org.ivimj.testing.DiffusionSeries;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecayPlotCommandTest {

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
	void plotsMeanSignalAndFittedCurvesOfTheSelectedRoi() {
		ImagePlus imp = DiffusionSeries.create(20, 10, 2, 32);
		Roi roi = new Roi(1, 1, 4, 4);
		roi.setName("lesion");
		rm.addRoi(roi);
		rm.select(0);
		IjSession.select(imp);
		IJ.run("IVIM Decay Plot...", "mono segmented free scale=both");
		assertNotNull(IjSession.image("series_decay_lesion_z1"), "" + IjSession.images());
		assertNotNull(IjSession.image("series_decay_lesion_z1_log"));

		List<Plot> plots = DecayPlotCommand.plots(DiffusionHyperstack.of(imp), null,
			EnumSet.of(FitMethod.BI_FREE, FitMethod.STRETCHED), "linear", new FitOptions());
		assertEquals(1, plots.size());
		float[] y = plots.get(0).getYValues();
		assertEquals(DiffusionSeries.signal(DiffusionSeries.LEFT, 0, 0), y[0], 1e-3, "mean signal at b=0");
		String legend = plots.get(0).getDataObjectDesignations()[0];
		assertNotNull(legend);
	}

	@Test
	void needsAnRoi() {
		IjSession.select(DiffusionSeries.create(20, 10, 1, 32));
		assertTrue(IjSession.runExpectingError("IVIM Decay Plot...", "mono").contains("No ROI to plot"));
	}
}

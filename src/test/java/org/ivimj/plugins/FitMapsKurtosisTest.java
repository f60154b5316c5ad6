package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.ij.IvimTables;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kurtosis methods from macros: Fit IVIM Maps (maps, table, K bounds), the decay plot, the
 * Protocol Simulator, and the refusal of a protocol below b = 1500 s/mm² that names its b-values.
 */
class FitMapsKurtosisTest {

	private static final String B = "0,10,20,30,50,80,100,150,200,300,500,800,1000,1500,2000,2500";
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

	@Test
	void mapsTableDecayPlotAndSimulator() {
		IJ.run("IVIM Phantom...", "slices=1 snr=0 seed=1 b-values=[" + B + "] add_rois");
		ImagePlus imp = IjSession.image("IVIM_phantom");
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] kurtosis_segmented kurtosis_free kurtosis_mono k_min=0 k_max=2 region=[ROI Manager (all)] table");
		ImagePlus k = IjSession.image("IVIM_phantom_kurtfree_K");
		assertNotNull(k, "maps: " + IjSession.images());
		assertNotNull(IjSession.image("IVIM_phantom_kurtseg_Dstar (mm2 s-1)"));
		assertNotNull(IjSession.image("IVIM_phantom_dki_D (mm2 s-1)"));
		ResultsTable rt = Analyzer.getResultsTable();
		// The phantom's lesions are bi-exponential (no kurtosis): the free fit finds K = 0 and the truth.
		assertEquals(0, rt.getValue("kurtfree_K_mean", 0), 1e-3);
		assertEquals(0.45, rt.getValue("kurtfree_f_mean", 0), 1e-3);
		assertEquals(0.77e-3, rt.getValue("kurtfree_D_mean", 0), 1e-6);
		assertTrue(rt.getValue("dki_K_roifit", 0) <= 2, "k_max respected");
		assertEquals(rt.getValue("Voxels", 0), rt.getValue("kurtseg_valid", 0), 0);

		IjSession.select(imp);
		rm.select(0);
		IJ.run("IVIM Decay Plot...", "kurtosis_free kurtosis_mono scale=linear");
		assertNotNull(IjSession.image("IVIM_phantom_decay_tuberculous_spondylitis_z1"), "decay plot: " + IjSession.images());

		StatisticsCommandTesting.run("IVIM Protocol Simulator...", "b-values=[" + B + "] method=[IVIM-kurtosis (free)] "
			+ "tissue=[1000,0.2,0.001,0.03,0.8] snr=50 realisations=300 seed=2");
		ResultsTable sim = StatisticsCommandTesting.output(ProtocolSimulatorCommand.TITLE);
		int row = StatisticsCommandTesting.row(sim, "Parameter", "K", null, null);
		assertEquals(0.8, sim.getValue("Truth", row), 0);
		double ratio = sim.getValue("RMSE_over_CRB", row);
		assertTrue(ratio > 0.8 && ratio < 1.5, "K RMSE/CRB " + ratio);
	}

	@Test
	void theMapsAreTheEnginesFits() {
		IJ.run("IVIM Phantom...", "slices=1 snr=30 seed=4 b-values=[" + B + "]");
		ImagePlus imp = IjSession.image("IVIM_phantom");
		IjSession.select(imp);
		IJ.run("Fit IVIM Maps...", "maps=[single images] kurtosis_free region=[whole image]");
		double[] b = org.ivimj.ij.BValueText.parseList(B);
		double[] s = new double[b.length];
		for (int i = 0; i < b.length; i++) s[i] = imp.getStack().getProcessor(imp.getStackIndex(1, 1, i + 1)).getf(40, 64);
		FitResult r = Ivim.fit(FitMethod.IVIM_KURTOSIS_FREE, b, s);
		assertEquals((float) r.parameters[4], IjSession.image("IVIM_phantom_kurtfree_K").getProcessor().getf(40, 64), 0);
	}

	@Test
	void aProtocolBelow1500IsRefusedWithItsBValues() {
		IJ.run("IVIM Phantom...", "slices=1 snr=30 seed=1 b-values=[0,20,50,100,150,200,400,800,1200] add_rois");
		IjSession.select(IjSession.image("IVIM_phantom"));
		int before = IjSession.images().size();
		String e = IjSession.runExpectingError("Fit IVIM Maps...", "segmented kurtosis_free region=[ROI Manager (all)] table");
		assertTrue(e.contains("1500") && e.contains("reach only 1200") && e.contains("0, 20, 50, 100, 150, 200, 400, 800, 1200"), e);
		assertEquals(before, IjSession.images().size(), "no maps from a refused run");
		IjSession.select(IjSession.image("IVIM_phantom"));
		rm.select(0);
		e = IjSession.runExpectingError("IVIM Decay Plot...", "kurtosis_mono scale=linear");
		assertTrue(e.contains("1500"), e);
	}
}

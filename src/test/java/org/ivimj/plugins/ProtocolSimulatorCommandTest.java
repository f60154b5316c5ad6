package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.ProtocolSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IVIM Protocol Simulator through IJ.run: the table equals the API's numbers; bad input aborts with a message. */
class ProtocolSimulatorCommandTest {

	@BeforeEach
	void setUp() {
		reset();
	}

	@Test
	void tableMatchesTheSimulatorApi() {
		run("IVIM Protocol Simulator...", "b-values=[0,20,50,100,150,200,400,800,1200,1500] method=[bi-exponential (free)]"
			+ " tissue=[1000,0.25,0.00085,0.034] snr=50 realisations=500 seed=3");
		ResultsTable rt = output(ProtocolSimulatorCommand.TITLE);
		assertEquals(4, rt.size());
		ProtocolSimulator.Row[] api = ProtocolSimulator.simulate(new double[] {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500},
			FitMethod.BI_FREE, new double[] {1000, 0.25, 0.00085, 0.034}, 50, 500, null, 3);
		for (int k = 0; k < 4; k++) {
			assertEquals(api[k].parameter, rt.getStringValue("Parameter", k));
			assertEquals(api[k].rmse, rt.getValue("RMSE", k), 1e-12 * Math.abs(api[k].rmse));
			assertEquals(api[k].cramerRao, rt.getValue("CRB_SD", k), 1e-12 * api[k].cramerRao);
		}
		assertTrue(rt.getValue("RMSE_over_CRB", 3) > 0.5, "D* RMSE near or above its bound");
	}

	/** Issue 10 item 9: the table reads as numbers a person reads (it was `SNR 5.000000E1`), the values stay full doubles. */
	@Test
	void theTableShowsReadableNumbers() {
		run("IVIM Protocol Simulator...", "method=[bi-exponential (free)] tissue=[1000,0.25,0.00085,0.034] snr=50 realisations=200 seed=1");
		ResultsTable rt = output(ProtocolSimulatorCommand.TITLE);
		assertEquals("50", rt.getStringValue("SNR", 0));
		assertEquals("1000.000000", rt.getStringValue("Truth", 0));
		assertEquals("0.250000", rt.getStringValue("Truth", 1));
		assertEquals("0.000850", rt.getStringValue("Truth", 2));
		assertEquals("0.034000", rt.getStringValue("Truth", 3));
		for (String column : new String[] {"Mean", "SD", "RMSE", "CRB_SD", "RMSE_over_CRB", "Fitted_percent"})
			for (int k = 0; k < rt.size(); k++) assertTrue(!rt.getStringValue(column, k).contains("E"), column + " " + rt.getStringValue(column, k));
		assertTrue(rt.getStringValue("RMSE_over_CRB", 0).matches("\\d+\\.\\d{3}"), rt.getStringValue("RMSE_over_CRB", 0));
		assertTrue(rt.getStringValue("Fitted_percent", 0).matches("\\d+\\.\\d"), rt.getStringValue("Fitted_percent", 0));
		assertEquals(0.00085, rt.getValue("Truth", 2), 0);
		run("IVIM Protocol Simulator...", "method=[mono (weighted log-linear)] tissue=[1000,0.001] snr=12.5 realisations=50 seed=1");
		assertEquals("12.50", output(ProtocolSimulatorCommand.TITLE).getStringValue("SNR", 0));
	}

	@Test
	void wrongTissueCountIsReported() {
		String error = runExpectingError("IVIM Protocol Simulator...", "method=[stretched-exponential] tissue=[1000,0.001]");
		assertErrorMentions(error, "needs 3", "DDC");
	}

	@Test
	void badNumbersAreReported() {
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "b-values=[0,abc]"), "b-values");
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "realisations=1"), "realisations");
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "snr=-5"), "snr=-5 is out of range: give a value of at least 0");
	}

	@Test
	void regionWideMethodsSimulateAHomogeneousRegionAndBeatTheFreeFitThere() {
		String common = "b-values=[0,20,50,100,150,200,400,800,1200,1500] tissue=[1000,0.25,0.00085,0.034] snr=20 "
			+ "realisations=400 seed=5 method=";
		double[][] rmse = new double[3][];
		FitMethod[] methods = {FitMethod.BI_FREE, FitMethod.BI_SHRINKAGE, FitMethod.BI_SPATIAL};
		for (int m = 0; m < 3; m++) {
			run("IVIM Protocol Simulator...", common + "[" + methods[m].label() + "]");
			ResultsTable rt = output(ProtocolSimulatorCommand.TITLE);
			rmse[m] = new double[] {rt.getValue("RMSE", 1), rt.getValue("RMSE", 3)};
			assertEquals(1.0, rt.getValue("Fitted_percent", 1) / 100, 0.01, methods[m].label());
		}
		for (int m = 1; m < 3; m++) {
			assertTrue(rmse[m][0] < rmse[0][0], methods[m].label() + ": f RMSE " + rmse[m][0] + " vs free " + rmse[0][0]);
			assertTrue(rmse[m][1] < rmse[0][1], methods[m].label() + ": D* RMSE " + rmse[m][1] + " vs free " + rmse[0][1]);
		}
	}
}

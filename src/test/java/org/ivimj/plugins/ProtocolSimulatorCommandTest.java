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

	@Test
	void wrongTissueCountIsReported() {
		String error = runExpectingError("IVIM Protocol Simulator...", "method=[stretched-exponential] tissue=[1000,0.001]");
		assertErrorMentions(error, "needs 3", "DDC");
	}

	@Test
	void badNumbersAreReported() {
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "b-values=[0,abc]"), "b-values");
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "realisations=1"), "realisations");
		assertErrorMentions(runExpectingError("IVIM Protocol Simulator...", "snr=-5"), "SNR");
	}
}

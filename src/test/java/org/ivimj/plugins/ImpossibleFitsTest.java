package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.assertErrorMentions;
import static org.ivimj.plugins.StatisticsCommandTesting.run;
import static org.ivimj.testing.IjSession.runExpectingError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ProtocolCheck;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fit that cannot work is refused before it starts, naming the image's b-values and what the method
 * needs, and leaves nothing behind; b-values in the wrong order are warned about.
 */
class ImpossibleFitsTest {

	@BeforeEach
	void setUp() {
		StatisticsCommandTesting.reset();
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	private static void phantom(String b) {
		run("IVIM Phantom...", "slices=1 snr=50 seed=1 b-values=[" + b + "] add_rois");
	}

	@Test
	void twoBValuesCannotCarryFourOrThreeParameters() {
		phantom("0,2500,2500");
		int images = IjSession.images().size();
		String e = runExpectingError("Fit IVIM Maps...", "free region=[ROI Manager (all)] table");
		assertErrorMentions(e, "needs at least 4 distinct b-values", "0, 2500 s/mm²");
		e = runExpectingError("Fit IVIM Maps...", "stretched region=[ROI Manager (all)] table");
		assertErrorMentions(e, "needs at least 3 distinct b-values", "0, 2500");
		e = runExpectingError("Fit IVIM Maps...", "shrinkage region=[ROI Manager (all)] table");
		assertErrorMentions(e, "needs at least 4 distinct b-values");
		assertEquals(images, IjSession.images().size(), "a refused fit opens no map");
		run("Fit IVIM Maps...", "mono region=[ROI Manager (all)] table");
	}

	@Test
	void oneDistinctBValueIsRefused() {
		phantom("500,500,500");
		assertErrorMentions(runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]"),
			"needs at least two distinct b-values", "500 s/mm²");
	}

	@Test
	void thresholdAboveTheBValuesIsRefusedWithTheLargestUsableOne() {
		phantom("0,20,50,100,150,200,400,800,1200,1500");
		String e = runExpectingError("Fit IVIM Maps...", "segmented segmentation_threshold=3000 region=[ROI Manager (all)]");
		assertErrorMentions(e, "segmentation threshold (3000 s/mm²)", "at most 1200");
		e = runExpectingError("Fit IVIM Maps...", "segmented segmentation_threshold=10 region=[ROI Manager (all)]");
		assertErrorMentions(e, "between 0 and the segmentation threshold (10 s/mm²)");
	}

	@Test
	void monoSubsetMustNameTheImagesBValues() {
		phantom("0,20,50,100,150,200,400,800,1200,1500");
		String e = runExpectingError("Fit IVIM Maps...", "mono mono_b-values=[0,1000] region=[ROI Manager (all)]");
		assertErrorMentions(e, "b = 1000 s/mm², which the image does not have", "0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500");
	}

	@Test
	void bValuesInTheWrongOrderAreWarnedAbout() {
		phantom("0,20,50,100,150,200,400,800,1200,1500");
		run("Set b-values...", "source=[typed list] b-values=[1500,1200,800,400,200,150,100,50,20,0] dimension=frames");
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			run("Fit IVIM Maps...", "mono region=[ROI Manager (all)] table");
		}
		finally {
			System.setOut(out);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		assertTrue(log.contains("IVIM-J warning: the signal rises with b in 100% of the region's voxels"), log);
		IJ.getErrorMessage();
	}

	@Test
	void simulatorRefusesAProtocolTheMethodCannotFit() {
		String e = runExpectingError("IVIM Protocol Simulator...",
			"b-values=[0,2500] method=[bi-exponential (free)] snr=50 realisations=10");
		assertErrorMentions(e, "needs at least 4 distinct b-values", "0, 2500");
	}

	@Test
	void theCheckIsScienceAScriptCanCall() {
		ProtocolCheck.check(FitMethod.BI_FREE, new double[] {0, 10, 100, 800}, new FitOptions());
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> ProtocolCheck.check(FitMethod.BI_FREE, new double[] {0, 0, 800, 800}, null));
		assertTrue(e.getMessage().contains("0, 800"), e.getMessage());
		assertEquals(1.0, ProtocolCheck.risingFraction(new double[] {0, 1000}, new float[] {100, 200, 50, 60}), 0);
		assertEquals(0.5, ProtocolCheck.risingFraction(new double[] {0, 1000}, new float[] {100, 200, 60, 50}), 0);
	}
}

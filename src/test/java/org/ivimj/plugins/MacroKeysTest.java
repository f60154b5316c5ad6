package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.assertErrorMentions;
import static org.ivimj.plugins.StatisticsCommandTesting.reset;
import static org.ivimj.plugins.StatisticsCommandTesting.run;
import static org.ivimj.testing.IjSession.runExpectingError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.WindowManager;
import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelled or unknown macro key never runs another analysis than the one written: every command
 * refuses it, naming the key and the nearest valid one, and changes nothing; a missing required key
 * (the folder or file to import, the file to save) is refused too.
 */
class MacroKeysTest {

	@BeforeEach
	void setUp() {
		reset();
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void fitRefusesMisspelledKeysAndNamesTheNearest() {
		run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		int images = WindowManager.getImageCount();
		ResultsTable before = ResultsTable.getResultsTable();
		String e = runExpectingError("Fit IVIM Maps...", "mono segmentd region=[ROI Manager (all)] table");
		assertErrorMentions(e, "unknown option 'segmentd'", "did you mean 'segmented'?");
		e = runExpectingError("Fit IVIM Maps...", "free dstar_mx=0.3 region=[ROI Manager (all)] table");
		assertErrorMentions(e, "unknown option 'dstar_mx'", "did you mean 'dstar_max'?");
		assertEquals(images, WindowManager.getImageCount(), "a refused fit leaves no map open");
		assertTrue(before == ResultsTable.getResultsTable(), "a refused fit leaves the Results table alone");
	}

	@Test
	void everyKindOfCommandRefusesAnUnknownKey(@TempDir Path dir) {
		String e = runExpectingError("IVIM Phantom...", "slices=1 snr=50 colour=red");
		assertErrorMentions(e, "unknown option 'colour'");
		run("IVIM Example Study...", "save=[]");
		e = runExpectingError("IVIM Group Comparison...", "table=[IVIM Example Reader 1] group=Group positive=metastasis tset=welch");
		assertErrorMentions(e, "unknown option 'tset'", "did you mean 'test'?");
		e = runExpectingError("IVIM Protocol Simulator...", "snr=20 realisation=10");
		assertErrorMentions(e, "unknown option 'realisation'", "did you mean 'realisations'?");
		e = runExpectingError("DICOM Diffusion Series (IVIM)...", "folder=[" + dir + "] order=[ascending b] repeat=trace");
		assertErrorMentions(e, "unknown option 'repeat'", "did you mean 'repeats'?");
		assertFalse(Files.exists(dir.resolve("IVIM_Group_Comparison.csv")));
	}

	@Test
	void missingFolderOrFileIsRefused() {
		assertErrorMentions(runExpectingError("DICOM Diffusion Series (IVIM)...", "repeats=trace"), "option folder= is missing");
		assertErrorMentions(runExpectingError("NIfTI Diffusion (IVIM)...", "bval=[x.bval]"), "option open= is missing");
		run("IVIM Phantom...", "slices=1 snr=50 seed=1");
		assertErrorMentions(runExpectingError("Save as NIfTI...", "geometry=[this image]"), "option save= is missing");
	}

	@Test
	void optionsWithoutTyposStillRunAndImageJsOwnKeyIsAccepted() {
		run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois stack");
		run("Fit IVIM Maps...", "mono region=[ROI Manager (all)] table");
		assertEquals(2, ResultsTable.getResultsTable().size());
		IJ.getErrorMessage();
	}
}

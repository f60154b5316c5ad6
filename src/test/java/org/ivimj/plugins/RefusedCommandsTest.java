package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.assertErrorMentions;
import static org.ivimj.testing.IjSession.runExpectingError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.IvimTables;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that used to crash or leave things behind: each is refused with a message (no Java stack
 * trace) and a refused command changes nothing: no table replaced, no image left open, no file written.
 */
class RefusedCommandsTest {

	private RoiManager rm;

	@BeforeEach
	void setUp() {
		StatisticsCommandTesting.reset();
		rm = IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void corruptBValuePropertiesAreRefusedAndSetBValuesRepairsThem() {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		ImagePlus imp = IJ.getImage();
		imp.setProp(BValueMetadata.BVALUES_KEY, "0,20,fifty,100");
		assertErrorMentions(runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]"),
			"IVIM.bvalues", "not a list of b-values", "Set b-values");
		imp.setProp(BValueMetadata.BVALUES_KEY, "0,20,50,100,150,200,400,800,1200,1500");
		imp.setProp(BValueMetadata.DIMENSION_KEY, "time");
		assertErrorMentions(runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)]"),
			"IVIM.bdimension", "not channels, slices or frames");
		assertErrorMentions(runExpectingError("IVIM Decay Plot...", ""), "IVIM.bdimension");
		IJ.run("Set b-values...", "source=[typed list] b-values=[0,20,50,100,150,200,400,800,1200,1500] dimension=frames");
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[ROI Manager (all)] table");
		assertEquals(2, ResultsTable.getResultsTable().size());
	}

	@Test
	void refusedSecondReaderLeavesTheResultsTableAndOpensNoMap(@TempDir Path dir) throws Exception {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=3 add_rois");
		ImagePlus source = IJ.getImage();
		ResultsTable mine = new ResultsTable();
		mine.incrementCounter();
		mine.addValue("my measurement", 42);
		ij.plugin.filter.Analyzer.setResultsTable(mine);
		Path zip = dir.resolve("other_names.zip");
		try (ZipOutputStream out = new ZipOutputStream(new FileOutputStream(zip.toFile()))) {
			Roi r = new OvalRoi(10, 10, 8, 8);
			r.setName("someone else's lesion");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			new RoiEncoder(bytes).write(r);
			out.putNextEntry(new ZipEntry("x.roi"));
			out.write(bytes.toByteArray());
			out.closeEntry();
		}
		int images = IjSession.images().size();
		String e = runExpectingError("Fit IVIM Maps...", "free region=[ROI Manager (all)] table reader2=[" + zip + "]");
		assertErrorMentions(e, "No ROI name");
		assertSame(mine, ResultsTable.getResultsTable(), "the user's Results table is kept");
		assertEquals(42, mine.getValue("my measurement", 0), 0);
		assertEquals(images, IjSession.images().size(), "no map left open");
		assertSame(source, IJ.getImage());
	}

	@Test
	void refusedRocComparisonWritesNoFile(@TempDir Path dir) {
		IJ.run("IVIM Example Study...", "save=[]");
		Path csv = dir.resolve(IvimTables.fileName(RocAnalysisCommand.TITLE) + ".csv");
		String e = runExpectingError("IVIM ROC Analysis...", "table=[IVIM Example Reader 1] group=Group positive=metastasis "
			+ "parameters=[Dstar,f] compare=[Dstar,nosuch] save=[" + dir + "]");
		assertErrorMentions(e, "nosuch");
		assertFalse(Files.exists(csv), "a refused ROC analysis wrote " + csv);
	}

	@Test
	void escDuringAFitCancelsItWithAMessageAndShowsNothing() throws Exception {
		IJ.run("IVIM Phantom...", "slices=4 snr=50 seed=3 add_rois");
		int images = IjSession.images().size();
		ResultsTable before = ResultsTable.getResultsTable();
		java.util.concurrent.atomic.AtomicBoolean pressing = new java.util.concurrent.atomic.AtomicBoolean(true);
		Thread esc = new Thread(() -> {
			while (pressing.get()) {
				IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
				Thread.onSpinWait();
			}
		});
		java.io.PrintStream err = System.err;
		java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		System.setErr(new java.io.PrintStream(printed, true, "UTF-8"));
		String e;
		try {
			esc.start();
			e = runExpectingError("Fit IVIM Maps...", "free stretched region=[whole image] table");
		}
		finally {
			pressing.set(false);
			esc.join();
			System.setErr(err);
			IJ.resetEscape();
		}
		assertEquals("Fit IVIM Maps: Fit cancelled (Esc): no maps were made.", e);
		assertTrue(printed.toString("UTF-8").contains("IVIM-J error: Fit IVIM Maps: Fit cancelled (Esc)"), printed.toString("UTF-8"));
		assertEquals(images, IjSession.images().size());
		assertSame(before, ResultsTable.getResultsTable());
	}

	@Test
	void pathsWithANulCharacterAreRefusedByName() {
		String nul = "/tmp/a\0b";
		assertErrorMentions(runExpectingError("DICOM Diffusion Series (IVIM)...", "folder=[" + nul + "]"),
			"folder=[/tmp/a?b] is not a valid path");
		assertErrorMentions(runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + nul + ".nii]"), "open=", "not a valid path");
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=3 add_rois");
		assertErrorMentions(runExpectingError("Save as NIfTI...", "save=[" + nul + ".nii]"), "save=", "not a valid path");
		assertErrorMentions(runExpectingError("Fit IVIM Maps...", "mono region=[ROI Manager (all)] reader2=[" + nul + "]"),
			"reader2=", "not a valid path");
		assertTrue(rm.getCount() > 0);
	}
}

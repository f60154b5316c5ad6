package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ivimj.ij.IvimTables;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fit IVIM Maps with a second reader's RoiSet.zip: both readers' values and their mean per lesion. */
class FitMapsSecondReaderTest {

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

	/** Reader 2's ROIs: the same lesions drawn 1 pixel off, saved as the ROI Manager saves them. */
	static Path secondReaderSet(RoiManager rm, Path dir) throws Exception {
		Path zip = dir.resolve("reader2_RoiSet.zip");
		try (ZipOutputStream out = new ZipOutputStream(new FileOutputStream(zip.toFile()))) {
			for (int i = 0; i < rm.getCount(); i++) {
				Roi r = rm.getRoi(i);
				java.awt.Rectangle b = r.getBounds();
				Roi again = new OvalRoi(b.x + 1, b.y, b.width - 1, b.height - 1);
				again.setName(rm.getName(i));
				again.setPosition(r.getCPosition(), r.getZPosition(), r.getTPosition());
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				new RoiEncoder(bytes).write(again);
				out.putNextEntry(new ZipEntry(rm.getName(i) + ".roi"));
				out.write(bytes.toByteArray());
				out.closeEntry();
			}
		}
		return zip;
	}

	@Test
	void bothReadersAndTheirMeanPerLesion(@TempDir Path dir) throws Exception {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=3 add_rois");
		Path zip = secondReaderSet(rm, dir);
		int before = rm.getCount();
		IJ.run("Fit IVIM Maps...", "maps=[single images] free region=[ROI Manager (all)] table reader2=[" + zip + "]");
		assertEquals(before, rm.getCount(), "the ROI Manager is not changed");
		ResultsTable r1 = Analyzer.getResultsTable();
		ResultsTable both = IvimTables.find(ReaderCombinationCommand.TITLE);
		ResultsTable r2 = IvimTables.find(FitMapsCommand.SECOND_READER_TITLE);
		assertNotNull(both);
		assertNotNull(r2);
		assertEquals(2, both.size());
		for (int i = 0; i < 2; i++) {
			assertEquals(r1.getStringValue("ROI", i), both.getStringValue("Lesion", i));
			double a = both.getValue("bifree_f_mean_R1", i), b = both.getValue("bifree_f_mean_R2", i);
			assertEquals(r1.getValue("bifree_f_mean", i), a, 1e-6);
			assertEquals(r2.getValue("bifree_f_mean", i), b, 1e-6);
			assertEquals((a + b) / 2, both.getValue("bifree_f_mean", i), 1e-6);
			assertTrue(a != b, "the readers' ROIs differ, so do their means");
		}
	}

	@Test
	void missingRoiSetIsReported(@TempDir Path dir) {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=3 add_rois");
		String error = IjSession.runExpectingError("Fit IVIM Maps...", "free region=[ROI Manager (all)] table reader2=["
			+ dir.resolve("nope.zip") + "]");
		assertTrue(error.contains("not found"), error);
	}
}

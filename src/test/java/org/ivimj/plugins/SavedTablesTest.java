package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ivimj.testing.IjSession;
import org.ivimj.ij.IvimTables;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table the product writes, saved through ImageJ as a user saves it and read back, holds the same
 * numbers as the live table; statistics run on a saved-and-reopened table equal those on the live one.
 */
class SavedTablesTest {

	private static final String READERS = "reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=ROI";

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
	void roiTableSavedAsResultsKeepsEveryDigit(@TempDir Path dir) throws IOException {
		run("IVIM Phantom...", "slices=2 snr=50 seed=1 add_rois");
		run("Fit IVIM Maps...", "mono free stretched region=[ROI Manager (all)] table histogram");
		ResultsTable live = ResultsTable.getResultsTable();
		assertEquals(3, live.size(), "spondylitis on 2 slices, metastasis on 1");
		// The per-lesion histogram table, saved as File › Save As saves it.
		ResultsTable lesions = output(org.ivimj.ij.LesionHistograms.TITLE);
		Path lesionCsv = dir.resolve("lesions.csv");
		assertTrue(lesions.save(lesionCsv.toString()));
		assertSameTable(lesions, ResultsTable.open(lesionCsv.toString()), lesionCsv);
		// Shown as the Results table, its formats survive ImageJ's precision reset (3 decimals: 0.001).
		String adc = live.getStringValue("mono_ADC_mean", 0);
		assertFalse(adc.equals("0.001"), "ADC shown as " + adc);
		Path csv = dir.resolve("phantom_roi_results.csv");
		IJ.saveAs("Results", csv.toString());
		assertSameTable(live, ResultsTable.open(csv.toString()), csv);
		String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
		assertFalse(text.contains(",0.001,"), "a diffusivity lost its digits:\n" + text);
		// And as R reads it: every cell of the first row parses as written.
		String[] header = text.split("\n")[0].split(","), first = text.split("\n")[1].split(",");
		int col = Arrays.asList(header).indexOf("mono_ADC_mean");
		assertEquals(live.getValue("mono_ADC_mean", 0), Double.parseDouble(first[col]), 0);
	}

	@Test
	void statisticsTablesSavedKeepEveryDigitAndReopenedGiveTheSameStatistics(@TempDir Path dir) throws IOException {
		String save = " save=[" + dir + "]";
		run("IVIM Example Study...", "save=[" + dir + "]");
		run("IVIM Combine Readers...", READERS + save);
		String live = "table=[IVIM Readers Combined] group=Group positive=metastasis";
		Map<String, String> commands = new LinkedHashMap<>();
		commands.put("IVIM Descriptive Statistics...", " parameters=[ADC,D,Dstar,f]");
		commands.put("IVIM Group Comparison...", " parameters=[ADC,D,Dstar,f] test=auto-student normality=0.05");
		commands.put("IVIM Logistic Regression...", " parameters=[Dstar,f] confidence=0.95");
		commands.put("IVIM ROC Analysis...", " parameters=[Dstar,f] direction=auto combined=[Dstar,f] compare=[Dstar,f] confidence=0.95");
		List<String> titles = Arrays.asList(DescriptiveStatisticsCommand.TITLE, GroupComparisonCommand.TITLE,
			LogisticRegressionCommand.TITLE, RocAnalysisCommand.TITLE);
		Map<String, ResultsTable> onLive = new LinkedHashMap<>();
		int k = 0;
		for (Map.Entry<String, String> c : commands.entrySet()) {
			run(c.getKey(), live + c.getValue() + save);
			onLive.put(titles.get(k), (ResultsTable) output(titles.get(k)).clone());
			k++;
		}
		run("IVIM Reader Agreement...", "input=[two tables] " + READERS + " parameters=[ADC,f] confidence=0.95" + save);
		for (String title : new String[] {ExampleStudyCommand.READER1, ExampleStudyCommand.READER2,
			ReaderCombinationCommand.TITLE, DescriptiveStatisticsCommand.TITLE, GroupComparisonCommand.TITLE,
			LogisticRegressionCommand.TITLE, RocAnalysisCommand.TITLE, RocAnalysisCommand.COMPARISON_TITLE,
			ReaderAgreementCommand.TITLE})
		{
			Path csv = dir.resolve(IvimTables.fileName(title) + ".csv");
			assertTrue(Files.isRegularFile(csv), "not saved: " + csv);
			assertSameTable(output(title), ResultsTable.open(csv.toString()), csv);
		}
		// The statistics of the saved-and-reopened study table are those of the live one.
		String reopened = "table=[" + dir.resolve("IVIM_Readers_Combined.csv") + "] group=Group positive=metastasis";
		k = 0;
		for (Map.Entry<String, String> c : commands.entrySet()) {
			IvimTables.clear();
			run(c.getKey(), reopened + c.getValue());
			assertSameTable(onLive.get(titles.get(k)), output(titles.get(k)), null);
			k++;
		}
	}

	@Test
	void protocolSimulatorTableReadsWellAndSavesEveryDigit(@TempDir Path dir) throws IOException {
		run("IVIM Protocol Simulator...", "b-values=[0,20,50,100,200,400,800,1500] method=[bi-exponential (free)] "
			+ "tissue=[1000,0.25,0.00085,0.034] snr=50 realisations=200 seed=3 save=[" + dir + "]");
		ResultsTable rt = output(ProtocolSimulatorCommand.TITLE);
		assertEquals("50", rt.getStringValue("SNR", 0));
		assertFalse(rt.getStringValue("RMSE_over_CRB", 0).contains("E"), rt.getStringValue("RMSE_over_CRB", 0));
		Path csv = dir.resolve(IvimTables.fileName(ProtocolSimulatorCommand.TITLE) + ".csv");
		assertSameTable(rt, ResultsTable.open(csv.toString()), csv);
	}

	/** Same headings, rows, strings, and numbers to the last bit. */
	static void assertSameTable(ResultsTable expected, ResultsTable actual, Path file) {
		String where = file == null ? "" : " (" + file + ")";
		assertEquals(expected.size(), actual.size(), "rows" + where);
		for (int col = 0; col <= expected.getLastColumn(); col++) {
			if (!expected.columnExists(col)) continue;
			String h = expected.getColumnHeading(col);
			assertTrue(actual.columnExists(h), "column " + h + " missing" + where);
			for (int row = 0; row < expected.size(); row++) {
				double e = expected.getValueAsDouble(col, row), a = actual.getValue(h, row);
				if (Double.isNaN(e)) {
					String es = expected.getStringValue(col, row), as = actual.getStringValue(h, row);
					assertEquals(es, as, h + " row " + row + where);
				}
				else assertEquals(e, a, 0, h + " row " + row + where);
			}
		}
	}
}

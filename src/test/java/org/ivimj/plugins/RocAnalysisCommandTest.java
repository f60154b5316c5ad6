package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocAnalysisCommandTest {

	private static final String[][] DATASETS = {
		{"small_ties_missing", "small_ties_missing.csv", "metastasis", "A,B,C", "B,C", "A,C"},
		{"groups_of_3", "groups_of_3.csv", "case", "X,Y", null, "X,Y"},
		{"separation", "separation.csv", "1", "X1,X2", null, "X1,X2"},
	};

	@BeforeEach
	void setUp() {
		reset();
	}

	@Test
	void everyParameterAndTheCombinedScoreMatchPRoc(@TempDir Path dir) throws Exception {
		for (String[] ds : DATASETS) {
			run("IVIM ROC Analysis...", "table=[" + resource(ds[1]) + "] group=Group positive=" + ds[2] + " parameters=[" + ds[3] + "]"
				+ (ds[4] == null ? "" : " combined=[" + ds[4] + "]") + " compare=[" + ds[5] + "] plot save=[" + dir + "]");
			ResultsTable rt = output(RocAnalysisCommand.TITLE);
			for (String p : ds[3].split(",")) assertRow(rt, row(rt, "Parameter", p, null, null), ds[0], p);
			if (ds[4] != null) assertRow(rt, row(rt, "Parameter", "Combined (" + ds[4].replace(",", " + ") + ")", null, null), ds[0], "(combined)");
			ResultsTable cmp = output(RocAnalysisCommand.COMPARISON_TITLE);
			String item = ds[5].replace(",", " vs ");
			RFixtures.assertR(cmp.getValue("Z", 0), ds[0], "roctest", item, "Z");
			RFixtures.assertR(cmp.getValue("p", 0), ds[0], "roctest", item, "p");
			RFixtures.assertR(cmp.getValue("n", 0), ds[0], "roctest", item, "n");
		}
		assertTrue(Files.size(dir.resolve("IVIM_ROC_Curves.png")) > 1000);
		assertTrue(Files.readString(dir.resolve("IVIM_ROC.csv")).startsWith("Parameter,n_pos,n_neg,Direction,"));
	}

	@Test
	void theFigureHasOneCurvePerParameterAndTheDiagonal() {
		ImagePlus imp = (ImagePlus) org.ivimj.ij.Commands.run(RocAnalysisCommand.class, "table=[" + resource("small_ties_missing.csv")
			+ "] group=Group positive=metastasis combined=[B,C] plot").getOutput("curves_plot");
		assertEquals(RocAnalysisCommand.PLOT_TITLE, imp.getTitle());
		// diagonal + A, B, C + combined
		assertEquals(5, ((ij.gui.Plot) imp.getProperty(ij.gui.Plot.PROPERTY_KEY)).getNumPlotObjects());
	}

	@Test
	void noFigureWithoutThePlotKey(@TempDir Path dir) {
		assertEquals(null, org.ivimj.ij.Commands.run(RocAnalysisCommand.class, "table=[" + resource("groups_of_3.csv")
			+ "] group=Group positive=case save=[" + dir + "]").getOutput("curves_plot"));
		assertTrue(Files.isRegularFile(dir.resolve("IVIM_ROC.csv")));
		assertTrue(!Files.exists(dir.resolve("IVIM_ROC_Curves.png")));
	}

	@Test
	void directionCanBeSet() {
		// C is lower in metastases; forcing "higher" gives the complementary AUC.
		run("IVIM ROC Analysis...", "table=[" + resource("small_ties_missing.csv") + "] group=Group positive=metastasis parameters=C direction=higher");
		ResultsTable rt = output(RocAnalysisCommand.TITLE);
		assertEquals("higher", rt.getStringValue("Direction", 0));
		assertEquals("set", rt.getStringValue("Direction_from", 0));
		assertEquals(1 - RFixtures.get("small_ties_missing", "roc", "C", "auc"), rt.getValue("AUC", 0), 1e-12);
	}

	@Test
	void reportsABadComparePair() {
		String e = runExpectingError("IVIM ROC Analysis...", "table=[" + resource("groups_of_3.csv") + "] group=Group compare=[X]");
		assertErrorMentions(e, "exactly two parameters");
	}

	private static void assertRow(ResultsTable rt, int i, String ds, String p) {
		RFixtures.assertR(rt.getValue("AUC", i), ds, "roc", p, "auc");
		RFixtures.assertR(rt.getValue("AUC_lower", i), ds, "roc", p, "auc.lower");
		RFixtures.assertR(rt.getValue("AUC_upper", i), ds, "roc", p, "auc.upper");
		assertEquals(RFixtures.get(ds, "roc", p, "direction") == 1 ? "higher" : "lower", rt.getStringValue("Direction", i), ds + p);
		RFixtures.assertR(rt.getValue("Cutoff", i), ds, "roc", p, "threshold");
		RFixtures.assertR(rt.getValue("Tied_cutoffs", i), ds, "roc", p, "best.count");
		RFixtures.assertR(rt.getValue("Sensitivity", i), ds, "roc", p, "sensitivity");
		RFixtures.assertR(rt.getValue("Specificity", i), ds, "roc", p, "specificity");
		RFixtures.assertR(rt.getValue("Sens_lower", i), ds, "roc", p, "sensitivity.lower");
		RFixtures.assertR(rt.getValue("Sens_upper", i), ds, "roc", p, "sensitivity.upper");
		RFixtures.assertR(rt.getValue("Spec_lower", i), ds, "roc", p, "specificity.lower");
		RFixtures.assertR(rt.getValue("Spec_upper", i), ds, "roc", p, "specificity.upper");
	}
}

package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.util.Map;
import java.util.TreeMap;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's "done when": a study table made by the product (study70: macros/ivim_study_example.ijm
 * with 35 phantom patients, 70 lesions, two readers; make_study70.sh) analysed by every statistics
 * command through {@code IJ.run} equals R's analysis of the same two CSV files (make_fixtures.R:
 * t.test, wilcox.test, shapiro.test, glm, brglm2, pROC with DeLong, binom.test, psych::ICC) on every
 * value, to 1e-4 relative: stricter than {@link RFixtures#TOLERANCE}, which is absolute below 1,
 * because D-like values and cut-offs are of the order of 1e-3.
 */
class StudyMatchesRTest {

	private static final String DS = "study70";
	private static final String[] PARAMS = {"ADC", "D", "Dstar", "f", "DDC", "alpha"};
	private static final double RELATIVE = 1e-4;
	/** Per statistic: the largest |Java − R| and |Java − R| / |R| seen, for the report. */
	private static final Map<String, double[]> WORST = new TreeMap<>();

	private static String readers() {
		return "reader1=[" + path(RFixtures.STUDY70[0]) + "] reader2=[" + path(RFixtures.STUDY70[1]) + "] roi=ROI";
	}

	private static String path(String resource) {
		return resource(resource.substring(resource.lastIndexOf('/') + 1));
	}

	@BeforeEach
	void setUp() {
		reset();
		run("IVIM Combine Readers...", readers() + " parameters=[ADC,D,Dstar,f,DDC,alpha]");
	}

	private static final String STUDY = "table=[IVIM Readers Combined] group=Group positive=metastasis parameters=[ADC,D,Dstar,f,DDC,alpha]";

	@Test
	void descriptivesAndNormality() {
		run("IVIM Descriptive Statistics...", STUDY);
		ResultsTable d = output(DescriptiveStatisticsCommand.TITLE);
		for (String p : PARAMS)
			for (String[] g : new String[][] {{"metastasis", "pos"}, {"tuberculosis", "neg"}}) {
				int i = row(d, "Parameter", p, "Group", g[0]);
				for (String[] c : new String[][] {{"n", "n"}, {"Mean", "mean"}, {"SD", "sd"}, {"Median", "median"}, {"Q1", "q1"}, {"Q3", "q3"}})
					check(d.getValue(c[0], i), "descriptive", p, g[1] + "." + c[1]);
			}
		run("IVIM Group Comparison...", STUDY + " test=student");
		ResultsTable g = output(GroupComparisonCommand.TITLE);
		for (String p : PARAMS) {
			int i = row(g, "Parameter", p, null, null);
			check(g.getValue("SW_W_pos", i), "shapiro", p, "pos.W");
			check(g.getValue("SW_p_pos", i), "shapiro", p, "pos.p");
			check(g.getValue("SW_W_neg", i), "shapiro", p, "neg.W");
			check(g.getValue("SW_p_neg", i), "shapiro", p, "neg.p");
		}
	}

	@Test
	void studentWelchAndMannWhitney() {
		for (String[] test : new String[][] {{"student", "student"}, {"welch", "welch"}, {"mann-whitney", "mannwhitney"}}) {
			run("IVIM Group Comparison...", STUDY + " test=" + test[0]);
			ResultsTable g = output(GroupComparisonCommand.TITLE);
			for (String p : PARAMS) {
				int i = row(g, "Parameter", p, null, null);
				check(g.getValue("Statistic", i), test[1], p, test[1].equals("mannwhitney") ? "W" : "t");
				if (!test[1].equals("mannwhitney")) check(g.getValue("df", i), test[1], p, "df");
				check(g.getValue("p", i), test[1], p, "p");
				if (test[1].equals("mannwhitney"))
					assertEquals(RFixtures.get(DS, "mannwhitney", p, "exact") == 1, g.getStringValue("Note", i).contains("exact p"), p);
			}
		}
	}

	@Test
	void logisticRegressionMaximumLikelihoodAndFirth() {
		for (String[] method : new String[][] {{"[maximum likelihood]", "logistic"}, {"Firth", "firth"}}) {
			run("IVIM Logistic Regression...", "table=[IVIM Readers Combined] group=Group positive=metastasis parameters=[Dstar,f] method="
				+ method[0]);
			ResultsTable rt = output(LogisticRegressionCommand.TITLE);
			for (String term : new String[] {"Dstar", "f", "Constant"}) {
				int i = row(rt, "Term", term, null, null);
				String r = term.equals("Constant") ? "(Intercept)" : term;
				for (String[] c : new String[][] {{"B", "B"}, {"SE", "SE"}, {"p", "p"}, {"OR", "OR"}, {"OR_lower", "OR.lower"}, {"OR_upper", "OR.upper"}})
					check(rt.getValue(c[0], i), method[1], r, c[1]);
				if (method[1].equals("logistic")) check(rt.getValue("Wald", i), "logistic", r, "Wald");
				else check(Math.signum(rt.getValue("B", i)) * Math.sqrt(rt.getValue("Wald", i)), "firth", r, "z");
				check(rt.getValue("Minus2LL", i), method[1], "model", "minus2LL");
				assertEquals("converged", rt.getStringValue("Status", i));
			}
			if (method[1].equals("logistic")) check(rt.getValue("Iterations", 0), "logistic", "model", "iterations");
		}
	}

	@Test
	void rocWithDeLongYoudenAndClopperPearson() {
		run("IVIM ROC Analysis...", STUDY + " combined=[Dstar,f] compare=[Dstar,f]");
		ResultsTable rt = output(RocAnalysisCommand.TITLE);
		for (String p : PARAMS) roc(rt, row(rt, "Parameter", p, null, null), p);
		roc(rt, row(rt, "Parameter", "Combined (Dstar + f)", null, null), "(combined)");
		ResultsTable cmp = output(RocAnalysisCommand.COMPARISON_TITLE);
		check(cmp.getValue("Z", 0), "roctest", "Dstar vs f", "Z");
		check(cmp.getValue("p", 0), "roctest", "Dstar vs f", "p");
		check(cmp.getValue("n", 0), "roctest", "Dstar vs f", "n");
	}

	@Test
	void readerAgreementIcc() {
		run("IVIM Reader Agreement...", "input=[two tables] " + readers() + " parameters=[ADC,D,Dstar,f,DDC,alpha]");
		ResultsTable a = output(ReaderAgreementCommand.TITLE);
		assertEquals(PARAMS.length * ReaderAgreementCommand.FORMS.length, a.size());
		for (String p : PARAMS)
			for (String form : ReaderAgreementCommand.FORMS) {
				int i = row(a, "Parameter", p, "Form", form);
				check(a.getValue("n", i), "icc", p, "n");
				for (String[] c : new String[][] {{"ICC", "ICC"}, {"ICC_lower", "lower"}, {"ICC_upper", "upper"}, {"F", "F"}, {"df1", "df1"},
					{"df2", "df2"}, {"p", "p"}})
					check(a.getValue(c[0], i), "icc", p, form + "." + c[1]);
			}
	}

	private static void roc(ResultsTable rt, int i, String p) {
		assertEquals(RFixtures.get(DS, "roc", p, "direction") == 1 ? "higher" : "lower", rt.getStringValue("Direction", i), p);
		for (String[] c : new String[][] {{"AUC", "auc"}, {"AUC_lower", "auc.lower"}, {"AUC_upper", "auc.upper"}, {"Cutoff", "threshold"},
			{"Tied_cutoffs", "best.count"}, {"Sensitivity", "sensitivity"}, {"Specificity", "specificity"}, {"TP", "tp"}, {"TN", "tn"},
			{"Sens_lower", "sensitivity.lower"}, {"Sens_upper", "sensitivity.upper"}, {"Spec_lower", "specificity.lower"},
			{"Spec_upper", "specificity.upper"}})
			check(rt.getValue(c[0], i), "roc", p, c[1]);
	}

	/** Java's value equals R's to 1e-4 relative (1e-12 absolute where R's is 0). */
	private static void check(double actual, String analysis, String item, String key) {
		double expected = RFixtures.get(DS, analysis, item, key);
		double diff = Math.abs(actual - expected);
		double rel = expected == 0 ? diff : diff / Math.abs(expected);
		String stat = analysis + " " + key.replaceFirst("^(ICC[123]k?|pos|neg)\\.", "");
		synchronized (WORST) {
			double[] w = WORST.computeIfAbsent(stat, s -> new double[2]);
			w[0] = Math.max(w[0], diff);
			w[1] = Math.max(w[1], rel);
		}
		assertTrue(expected == 0 ? diff <= 1e-12 : rel <= RELATIVE,
			DS + " " + analysis + " " + item + " " + key + ": R " + expected + ", IVIM-J " + actual + " (relative difference " + rel + ")");
	}

	@AfterAll
	static void report() {
		StringBuilder sb = new StringBuilder("study70 vs R, largest |difference| (absolute, relative) per statistic:\n");
		for (Map.Entry<String, double[]> e : WORST.entrySet())
			sb.append(String.format("  %-28s %.3g  %.3g%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
		System.out.print(sb);
	}
}

package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.DeLongRoc;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.LogisticRegression;
import org.ivimj.stats.StudyData;

/**
 * Plugins › IVIM › Statistics › IVIM ROC Analysis: per parameter and for the combined logistic
 * score, AUC with DeLong CI, Youden cut-off, sensitivity and specificity with Clopper–Pearson CIs
 * (Table 4) into {@value #TITLE}; the ROC curves (Figure 3) as the plot {@value #PLOT_TITLE}; and
 * optionally DeLong's test of two parameters' AUCs into {@value #COMPARISON_TITLE}.
 */
public class RocAnalysisCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM ROC";
	/** Title of the DeLong test table. */
	public static final String COMPARISON_TITLE = "IVIM ROC Comparison";
	/** Title of the figure (saved as {@code IVIM_ROC_Curves.png}). */
	public static final String PLOT_TITLE = "IVIM ROC Curves";

	static final String[] DIRECTIONS = {"auto", "higher", "lower"};
	private static final Color[] COLORS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
		new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.BLACK};

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM ROC Analysis");
		StudyInput.addOptions(o);
		o.addChoice("Direction", DIRECTIONS, "auto");
		o.addString("Combined (parameters of the logistic score; empty = none)", "", 20);
		o.addString("Compare (two parameters for DeLong's test; empty = none)", "", 20);
		o.addNumber("Confidence level", 0.95, 2);
		o.addCheckbox("Plot ROC curves", true);
		o.addDirectory("Save tables to folder (optional)", "");
		o.addHelp("Direction: values higher or lower in the positive group; auto compares the group medians (as pROC).");
		o.helpPage("IVIM ROC Analysis...");
		if (!o.show()) return;
		StudyInput in = StudyInput.read(o);
		String dirKey = o.nextChoice();
		DeLongRoc.Direction direction = dirKey.equals("higher") ? DeLongRoc.Direction.HIGHER
			: dirKey.equals("lower") ? DeLongRoc.Direction.LOWER : null;
		List<String> combined = StudyInput.list(o.nextString());
		List<String> compare = StudyInput.list(o.nextString());
		double confidence = o.nextNumber();
		checkConfidence(confidence);
		boolean plot = o.nextBoolean();
		String save = o.nextString();
		if (!compare.isEmpty() && compare.size() != 2)
			throw new CommandException("\"compare\" needs exactly two parameters separated by a comma, e.g. compare=[Dstar,f].");
		for (String p : combined) StudyInput.numericColumn(StudyInput.table(in.tableTitle), in.tableTitle, p);

		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		List<String> names = new ArrayList<>();
		List<DeLongRoc.Result> curves = new ArrayList<>();
		for (String p : in.parameters) {
			StudyData.Split s = in.split(p);
			logExcluded(TITLE + " " + p, s.excluded);
			DeLongRoc.Result r = IvimStatistics.roc(s.positive, s.negative, direction, confidence);
			row(out, p, r, direction == null ? "auto" : "set", s.excluded.size());
			names.add(p);
			curves.add(r);
		}
		if (!combined.isEmpty()) {
			StudyInput model = in.withParameters(combined);
			LogisticRegression.Result fit = model.logistic(false, confidence, TITLE);
			String label = "Combined (" + String.join(" + ", combined) + ")";
			if (fit.status == LogisticRegression.Status.CONVERGED || fit.status == LogisticRegression.Status.SEPARATION) {
				StudyData.Complete c = model.data.complete(combined, in.positive);
				double[][] split = IvimStatistics.splitByOutcome(fit.fitted, c.positive);
				// The score is the fitted probability of the positive group: higher means positive.
				DeLongRoc.Result r = IvimStatistics.roc(split[0], split[1], DeLongRoc.Direction.HIGHER, confidence);
				row(out, label, r, "logistic score", c.excluded.size());
				if (fit.status == LogisticRegression.Status.SEPARATION) out.addValue("Note",
					"logistic model separates the groups (maximum-likelihood estimates do not exist); the score is glm's fitted probability where it stopped, "
						+ "which ranks the lesions along the separating combination");
				names.add(label);
				curves.add(r);
			}
			else {
				out.incrementCounter();
				out.addValue("Parameter", label);
				out.addValue("Note", "no combined score: " + fit.message);
			}
		}
		// The comparison can still be refused: make it before anything is published or written.
		IvimResultsTable comparison = compare.size() == 2 ? compare(in, compare, direction, confidence) : null;
		IvimTables.publish(out, TITLE, save);
		if (comparison != null) IvimTables.publish(comparison, COMPARISON_TITLE, save);
		if (plot && !curves.isEmpty()) plot(names, curves, save);
	}

	private static void row(ResultsTable out, String name, DeLongRoc.Result r, String directionSource, int excluded) {
		out.incrementCounter();
		out.addValue("Parameter", name);
		out.addValue("n_pos", r.nCases);
		out.addValue("n_neg", r.nControls);
		out.addValue("Direction", r.direction.key);
		out.addValue("Direction_from", directionSource);
		out.addValue("AUC", r.auc);
		out.addValue("AUC_lower", r.aucLower);
		out.addValue("AUC_upper", r.aucUpper);
		out.addValue("AUC_SE", Math.sqrt(r.variance));
		out.addValue("Cutoff", r.cutoff);
		out.addValue("Rule", "positive if " + r.direction.rule + " " + Format.g(r.cutoff));
		out.addValue("Sensitivity", r.sensitivity);
		out.addValue("Sens_lower", r.sensitivityLower);
		out.addValue("Sens_upper", r.sensitivityUpper);
		out.addValue("Specificity", r.specificity);
		out.addValue("Spec_lower", r.specificityLower);
		out.addValue("Spec_upper", r.specificityUpper);
		out.addValue("Youden", r.youden);
		out.addValue("TP", r.truePositives);
		out.addValue("TN", r.trueNegatives);
		out.addValue("Tied_cutoffs", r.tiedCutoffs);
		out.addValue("Excluded", excluded);
		out.addValue("Note", r.tiedCutoffs > 1 ? r.tiedCutoffs + " cut-offs share the maximum Youden index; the one with the highest sensitivity is shown" : "");
	}

	private static IvimResultsTable compare(StudyInput in, List<String> pair, DeLongRoc.Direction direction, double confidence) {
		for (String p : pair)
			if (!in.data.hasColumn(p)) StudyInput.numericColumn(StudyInput.table(in.tableTitle), in.tableTitle, p);
		StudyInput both = in.withParameters(pair);
		StudyData.Complete c = both.data.complete(pair, in.positive);
		logExcluded(COMPARISON_TITLE, c.excluded);
		DeLongRoc.Result[] r = new DeLongRoc.Result[2];
		for (int k = 0; k < 2; k++) {
			double[] v = new double[c.x.length];
			for (int i = 0; i < v.length; i++) v[i] = c.x[i][k];
			double[][] s = IvimStatistics.splitByOutcome(v, c.positive);
			if (s[0].length < 2 || s[1].length < 2)
				throw new CommandException("DeLong's test needs at least 2 rows per group with both " + pair.get(0) + " and " + pair.get(1) + ".");
			r[k] = IvimStatistics.roc(s[0], s[1], direction, confidence);
		}
		DeLongRoc.Comparison cmp = IvimStatistics.rocTest(r[0], r[1]);
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		out.incrementCounter();
		out.addValue("Parameter1", pair.get(0));
		out.addValue("Parameter2", pair.get(1));
		out.addValue("n", c.x.length);
		out.addValue("AUC1", cmp.auc1);
		out.addValue("AUC2", cmp.auc2);
		out.addValue("Difference", cmp.difference);
		out.addValue("Z", cmp.z);
		out.addValue("p", cmp.p);
		out.addValue("Excluded", c.excluded.size());
		out.addValue("Note", r[0].direction != r[1].direction
			? "directions differ (" + r[0].direction.key + " vs " + r[1].direction.key + "): the test compares the AUCs as each is oriented" : "");
		return out;
	}

	private static void plot(List<String> names, List<DeLongRoc.Result> curves, String save) {
		Plot plot = new Plot(PLOT_TITLE, "1 - Specificity", "Sensitivity");
		plot.setLimits(0, 1, 0, 1);
		plot.setFrameSize(480, 480);
		plot.setColor(Color.GRAY);
		plot.setLineWidth(1);
		plot.addPoints(new double[] {0, 1}, new double[] {0, 1}, Plot.LINE);
		StringBuilder legend = new StringBuilder("\n"); // the diagonal gets no legend entry
		for (int i = 0; i < curves.size(); i++) {
			DeLongRoc.Result r = curves.get(i);
			plot.setColor(COLORS[i % COLORS.length]);
			plot.setLineWidth(2);
			plot.addPoints(r.fpr, r.tpr, Plot.LINE);
			legend.append(names.get(i)).append(" (AUC ").append(String.format(java.util.Locale.US, "%.3f", r.auc)).append(")\n");
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		plot.addLegend(legend.toString(), "bottom-right");
		ImagePlus imp = plot.getImagePlus();
		if (save != null && !save.trim().isEmpty()) {
			File dir = new File(save.trim());
			dir.mkdirs();
			File png = new File(dir, IvimTables.fileName(PLOT_TITLE) + ".png");
			if (!new FileSaver(imp).saveAsPng(png.getPath())) throw new CommandException("Cannot write " + png + ".");
			IJ.log("IVIM-J: wrote " + png.getPath());
		}
		if (!GraphicsEnvironment.isHeadless()) plot.show();
		lastPlot = imp;
	}

	/** The last ROC figure made (for scripts and tests; headless there is no window to find it by). */
	static ImagePlus lastPlot;

}

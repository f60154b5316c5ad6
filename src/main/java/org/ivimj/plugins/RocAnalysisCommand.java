package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import java.awt.Color;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.DeLongRoc;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.LogisticRegression;
import org.ivimj.stats.StudyData;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM ROC Analysis: per parameter and for the combined logistic
 * score, AUC with DeLong CI, Youden cut-off, sensitivity and specificity with Clopper–Pearson CIs
 * (Table 4) into {@value #TITLE}; the ROC curves (Figure 3) as the plot {@value #PLOT_TITLE}; and
 * optionally DeLong's test of two parameters' AUCs into {@value #COMPARISON_TITLE}.
 */
@Plugin(type = Command.class, label = "IVIM ROC Analysis...", description = "AUC, cut-offs, sensitivity and specificity (Table 4, Figure 3)",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM ROC Analysis... (Table 4, Figure 3)"))
public class RocAnalysisCommand extends StudyCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM ROC";
	/** Title of the DeLong test table. */
	public static final String COMPARISON_TITLE = "IVIM ROC Comparison";
	/** Title of the figure (saved as {@code IVIM_ROC_Curves.png}). */
	public static final String PLOT_TITLE = "IVIM ROC Curves";

	private static final Color[] COLORS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
		new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.BLACK};

	@Parameter(label = "Direction (values higher or lower in the positive group; auto compares the medians, as pROC)",
		choices = {"auto", "higher", "lower"}, persist = false)
	public String direction = "auto";
	@Parameter(label = "Combined: parameters of a logistic score (optional)", required = false, attrs = @Attr(name = "columns", value = "20"),
		persist = false)
	public String combined = "";
	@Parameter(label = "Compare: two parameters for DeLong's test (optional)", required = false, attrs = @Attr(name = "columns", value = "20"),
		persist = false)
	public String compare = "";
	@Parameter(label = "Confidence level", min = "0", max = "1", persist = false)
	public double confidence = 0.95;
	@Parameter(label = "plot: the ROC curves", persist = false)
	public boolean plot = true;

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable roc;
	@Parameter(type = ItemIO.OUTPUT, label = COMPARISON_TITLE)
	public ResultsTable roc_comparison;
	@Parameter(type = ItemIO.OUTPUT, label = PLOT_TITLE)
	public ImagePlus curves_plot;

	@Override
	void execute() {
		StudyInput in = input();
		DeLongRoc.Direction dir = direction.equals("higher") ? DeLongRoc.Direction.HIGHER
			: direction.equals("lower") ? DeLongRoc.Direction.LOWER : null;
		List<String> combined = StudyInput.list(this.combined);
		List<String> compare = StudyInput.list(this.compare);
		checkConfidence(confidence);
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
			DeLongRoc.Result r = IvimStatistics.roc(s.positive, s.negative, dir, confidence);
			row(out, p, r, dir == null ? "auto" : "set", s.excluded.size());
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
		IvimResultsTable comparison = compare.size() == 2 ? compare(in, compare, dir, confidence) : null;
		IvimTables.save(out, TITLE, save);
		if (comparison != null) IvimTables.save(comparison, COMPARISON_TITLE, save);
		roc = out;
		roc_comparison = comparison;
		if (plot && !curves.isEmpty()) curves_plot = plot(names, curves, save);
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

	private static ImagePlus plot(List<String> names, List<DeLongRoc.Result> curves, String save) {
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
		return imp;
	}

}

package org.ivimj.plugins;

import ij.measure.ResultsTable;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.GroupComparison;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.StudyData;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM Group Comparison: Shapiro–Wilk per group, then Student's or
 * Welch's t-test or Mann–Whitney U per parameter (Table 2), into the table {@value #TITLE}.
 */
@Plugin(type = Command.class, label = "IVIM Group Comparison...", description = "t-test or Mann-Whitney U per parameter (Table 2)",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Group Comparison... (Table 2)"))
public class GroupComparisonCommand extends StudyCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Group Comparison";

	@Parameter(label = "Test (auto-*: t-test if Shapiro-Wilk p ≥ alpha in both groups, else Mann-Whitney U)",
		choices = {"auto-student", "auto-welch", "student", "welch", "mann-whitney"}, persist = false)
	public String test = "auto-student";
	@Parameter(label = "Normality alpha (Shapiro-Wilk)", min = "0", max = "1", persist = false)
	public double normality = 0.05;

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable comparison;

	@Override
	void execute() {
		StudyInput in = input();
		GroupComparison.Choice choice = GroupComparison.Choice.fromKey(test);
		double alpha = normality;
		if (!(alpha > 0 && alpha < 1)) throw new CommandException("Normality alpha must be between 0 and 1, not " + alpha + ".");
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		for (String p : in.parameters) {
			StudyData.Split s = in.split(p);
			logExcluded(TITLE + " " + p, s.excluded);
			GroupComparison.Result r = IvimStatistics.compare(s.positive, s.negative, choice, alpha);
			out.incrementCounter();
			out.addValue("Parameter", p);
			out.addValue("Positive", in.positive);
			out.addValue("Negative", in.negative);
			out.addValue("n_pos", s.positive.length);
			out.addValue("n_neg", s.negative.length);
			out.addValue("SW_W_pos", r.swWPositive);
			out.addValue("SW_p_pos", r.swPPositive);
			out.addValue("SW_W_neg", r.swWNegative);
			out.addValue("SW_p_neg", r.swPNegative);
			out.addValue("Test", r.test);
			out.addValue("Statistic", r.statistic);
			out.addValue("df", r.df);
			out.addValue("p", r.p);
			out.addValue("Excluded", s.excluded.size());
			out.addValue("Note", r.note);
		}
		IvimTables.save(out, TITLE, save);
		comparison = out;
	}
}

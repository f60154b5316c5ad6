package org.ivimj.plugins;

import ij.measure.ResultsTable;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.GroupComparison;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.StudyData;

/**
 * Plugins › IVIM › Statistics › IVIM Group Comparison: Shapiro–Wilk per group, then Student's or
 * Welch's t-test or Mann–Whitney U per parameter (Table 2), into the table {@value #TITLE}.
 */
public class GroupComparisonCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Group Comparison";

	static final String[] TESTS = {"auto-student", "auto-welch", "student", "welch", "mann-whitney"};

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM Group Comparison");
		StudyInput.addOptions(o);
		o.addChoice("Test", TESTS, TESTS[0]);
		o.addNumber("Normality alpha (Shapiro-Wilk)", 0.05, 3);
		o.addDirectory("Save tables to folder (optional)", "");
		o.addHelp("auto-*: t-test if Shapiro-Wilk p >= alpha in both groups, else Mann-Whitney U.");
		o.helpPage("IVIM Group Comparison...");
		if (!o.show()) return;
		StudyInput in = StudyInput.read(o);
		GroupComparison.Choice choice = GroupComparison.Choice.fromKey(o.nextChoice());
		double alpha = o.nextNumber();
		if (!(alpha > 0 && alpha < 1)) throw new CommandException("Normality alpha must be between 0 and 1, not " + alpha + ".");
		String save = o.nextString();
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
		IvimTables.publish(out, TITLE, save);
	}
}

package org.ivimj.plugins;

import ij.measure.ResultsTable;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.GroupDescriptives;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.StudyData;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM Descriptive Statistics: n, mean ± SD, median [IQR] per group
 * and parameter (Table 1 of the paper) into the table {@value #TITLE}.
 */
@Plugin(type = Command.class, label = "IVIM Descriptive Statistics...", description = "n, mean ± SD, median [IQR] per group (Table 1)",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Descriptive Statistics... (Table 1)"))
public class DescriptiveStatisticsCommand extends StudyCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Descriptives";

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable descriptives;

	@Override
	void execute() {
		StudyInput in = input();
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		for (String p : in.parameters) {
			StudyData.Split s = in.data.split(p, in.positive);
			logExcluded(TITLE + " " + p, s.excluded);
			row(out, p, in.positive, IvimStatistics.describe(s.positive), s.excluded.size());
			row(out, p, in.negative, IvimStatistics.describe(s.negative), s.excluded.size());
		}
		IvimTables.save(out, TITLE, save);
		descriptives = out;
	}

	private static void row(ResultsTable out, String parameter, String group, GroupDescriptives d, int excluded) {
		out.incrementCounter();
		out.addValue("Parameter", parameter);
		out.addValue("Group", group);
		out.addValue("n", d.n);
		out.addValue("Mean", d.mean);
		out.addValue("SD", d.sd);
		out.addValue("Median", d.median);
		out.addValue("Q1", d.q1);
		out.addValue("Q3", d.q3);
		out.addValue("Min", d.min);
		out.addValue("Max", d.max);
		out.addValue("Mean_SD", Format.g(d.mean) + " \u00b1 " + Format.g(d.sd));
		out.addValue("Median_IQR", Format.g(d.median) + " [" + Format.g(d.q1) + ", " + Format.g(d.q3) + "]");
		out.addValue("Excluded", excluded);
	}
}

package org.ivimj.plugins;

import ij.IJ;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.IntraclassCorrelation;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.ReaderMatch;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM Reader Agreement: ICC between two readers per parameter, from
 * two tables matched by ROI name or from two columns of one table, with the form named, its
 * F-distribution CI and the paper's verbal grade, into {@value #TITLE}.
 */
@Plugin(type = Command.class, label = "IVIM Reader Agreement...", description = "inter-reader ICC per parameter",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Reader Agreement..."))
public class ReaderAgreementCommand extends TwoReadersCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Agreement";

	static final String TWO_TABLES = "two tables";
	/** The forms reported: absolute agreement and consistency, single and average measures. */
	static final String[] FORMS = {"ICC2", "ICC2k", "ICC3", "ICC3k"};

	@Parameter(label = "Input: two tables matched by ROI name, or two columns of one table", choices = {TWO_TABLES, "two columns"},
		persist = false)
	public String input = TWO_TABLES;
	@Parameter(label = "Reader 1's columns (two columns)", required = false, attrs = @Attr(name = "columns", value = "30"), persist = false)
	public String columns1 = "";
	@Parameter(label = "Reader 2's columns, same order (two columns)", required = false, attrs = @Attr(name = "columns", value = "30"),
		persist = false)
	public String columns2 = "";
	@Parameter(label = "Confidence level", min = "0", max = "1", persist = false)
	public double confidence = 0.95;

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable agreement;

	@Override
	void execute() {
		String mode = input;
		String t1 = reader1.trim(), t2 = reader2.trim(), roi = this.roi.trim();
		String params = parameters.trim(), cols1 = columns1.trim(), cols2 = columns2.trim();
		StudyCommand.checkConfidence(confidence);
		ResultsTable a = StudyInput.table(t1);
		List<String> names = new ArrayList<>();
		List<double[]> r1 = new ArrayList<>(), r2 = new ArrayList<>();
		if (mode.equals(TWO_TABLES)) {
			ResultsTable b = StudyInput.table(t2);
			ReaderMatch m = ReaderTables.match(a, t1, b, t2, roi);
			List<String> ps = params.isEmpty() ? ReaderTables.common(a, b, roi) : StudyInput.list(params);
			if (ps.isEmpty()) throw new CommandException("Tables \"" + t1 + "\" and \"" + t2 + "\" share no numeric parameter column.");
			for (String p : ps) {
				double[] x = StudyInput.numericColumn(a, t1, p), y = StudyInput.numericColumn(b, t2, p);
				double[] mx = new double[m.names.size()], my = new double[m.names.size()];
				for (int k = 0; k < mx.length; k++) {
					mx[k] = x[m.rows1[k]];
					my[k] = y[m.rows2[k]];
				}
				names.add(p);
				r1.add(mx);
				r2.add(my);
			}
		}
		else {
			List<String> c1 = StudyInput.list(cols1), c2 = StudyInput.list(cols2);
			if (c1.isEmpty() || c1.size() != c2.size())
				throw new CommandException("For two columns give as many columns1 as columns2, paired in order, e.g. columns1=[ADC_R1,D_R1] columns2=[ADC_R2,D_R2].");
			for (int k = 0; k < c1.size(); k++) {
				names.add(c1.get(k) + " vs " + c2.get(k));
				r1.add(StudyInput.numericColumn(a, t1, c1.get(k)));
				r2.add(StudyInput.numericColumn(a, t1, c2.get(k)));
			}
		}
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		for (int k = 0; k < names.size(); k++) {
			double[][] pairs = complete(r1.get(k), r2.get(k));
			int left = r1.get(k).length - pairs.length;
			if (left > 0) IJ.log("IVIM-J " + TITLE + " " + names.get(k) + ": left out " + left + " ROI(s) missing a reader's value");
			if (pairs.length < 2)
				throw new CommandException("Parameter \"" + names.get(k) + "\": only " + pairs.length + " ROI(s) have both readers' values; the ICC needs at least 2.");
			List<IntraclassCorrelation.Form> all = IvimStatistics.icc(pairs, confidence);
			for (String form : FORMS) {
				IntraclassCorrelation.Form f = all.stream().filter(x -> x.type.equals(form)).findFirst().get();
				out.incrementCounter();
				out.addValue("Parameter", names.get(k));
				out.addValue("n", pairs.length);
				out.addValue("Form", f.type);
				out.addValue("Description", f.description);
				out.addValue("ICC", f.icc);
				out.addValue("ICC_lower", f.lower);
				out.addValue("ICC_upper", f.upper);
				out.addValue("F", f.f);
				out.addValue("df1", f.df1);
				out.addValue("df2", f.df2);
				out.addValue("p", f.p);
				out.addValue("Grade", IvimStatistics.agreementGrade(f.icc));
				out.addValue("Excluded", left);
			}
		}
		IvimTables.save(out, TITLE, save);
		agreement = out;
	}

	private static double[][] complete(double[] x, double[] y) {
		List<double[]> r = new ArrayList<>();
		for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) r.add(new double[] {x[i], y[i]});
		return r.toArray(new double[0][]);
	}
}

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

/**
 * Plugins › IVIM › Statistics › IVIM Reader Agreement: ICC between two readers per parameter, from
 * two tables matched by ROI name or from two columns of one table, with the form named, its
 * F-distribution CI and the paper's verbal grade, into {@value #TITLE}.
 */
public class ReaderAgreementCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Agreement";

	static final String[] MODES = {"two tables", "two columns"};
	/** The forms reported: absolute agreement and consistency, single and average measures. */
	static final String[] FORMS = {"ICC2", "ICC2k", "ICC3", "ICC3k"};

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM Reader Agreement");
		List<String> titles = IvimTables.titles();
		o.addChoice("Input", MODES, MODES[0]);
		o.addTable("Reader1 table", titles, titles.isEmpty() ? "" : titles.get(0));
		o.addTable("Reader2 table (two tables)", titles, titles.size() < 2 ? "" : titles.get(1));
		o.addString("ROI name column (two tables)", "ROI", 12);
		o.addString("Parameters (two tables; empty = all numeric in both)", "", 30);
		o.addString("Columns1 (two columns: reader 1's columns)", "", 30);
		o.addString("Columns2 (two columns: reader 2's columns, same order)", "", 30);
		o.addNumber("Confidence level", 0.95, 2);
		o.addDirectory("Save tables to folder (optional)", "");
		o.helpPage("IVIM Reader Agreement...");
		if (!o.show()) return;
		String mode = o.nextChoice();
		String t1 = o.nextString().trim(), t2 = o.nextString().trim(), roi = o.nextString().trim();
		String params = o.nextString().trim(), cols1 = o.nextString().trim(), cols2 = o.nextString().trim();
		double confidence = o.nextNumber();
		checkConfidence(confidence);
		String save = o.nextString();
		ResultsTable a = StudyInput.table(t1);
		List<String> names = new ArrayList<>();
		List<double[]> r1 = new ArrayList<>(), r2 = new ArrayList<>();
		if (mode.equals(MODES[0])) {
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
		IvimTables.publish(out, TITLE, save);
	}

	private static double[][] complete(double[] x, double[] y) {
		List<double[]> r = new ArrayList<>();
		for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) r.add(new double[] {x[i], y[i]});
		return r.toArray(new double[0][]);
	}
}

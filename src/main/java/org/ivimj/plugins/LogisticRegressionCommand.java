package org.ivimj.plugins;

import ij.IJ;
import ij.measure.ResultsTable;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.LogisticRegression;
import org.ivimj.stats.StudyData;

/**
 * Plugins › IVIM › Statistics › IVIM Logistic Regression: multivariable binary logistic regression
 * of positive-group membership on the chosen parameters (Table 3), into the table {@value #TITLE}.
 */
public class LogisticRegressionCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Logistic Regression";

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM Logistic Regression");
		StudyInput.addOptions(o);
		o.addNumber("Confidence level", 0.95, 2);
		o.addDirectory("Save tables to folder (optional)", "");
		if (!o.show()) return;
		StudyInput in = StudyInput.read(o);
		double confidence = o.nextNumber();
		checkConfidence(confidence);
		String save = o.nextString();
		LogisticRegression.Result r = fit(in, confidence);
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		// SPSS order: the parameters, then the constant.
		for (int k = 1; k <= r.terms.length; k++) {
			int i = k % r.terms.length;
			boolean usable = r.status == LogisticRegression.Status.CONVERGED;
			out.incrementCounter();
			out.addValue("Term", r.terms[i]);
			out.addValue("B", usable ? r.b[i] : Double.NaN);
			out.addValue("SE", usable ? r.se[i] : Double.NaN);
			out.addValue("Wald", usable ? r.wald[i] : Double.NaN);
			out.addValue("df", 1);
			out.addValue("p", usable ? r.p[i] : Double.NaN);
			out.addValue("OR", usable ? r.oddsRatio[i] : Double.NaN);
			out.addValue("OR_lower", usable ? r.orLower[i] : Double.NaN);
			out.addValue("OR_upper", usable ? r.orUpper[i] : Double.NaN);
			out.addValue("Minus2LL", r.minus2LogLikelihood);
			out.addValue("Iterations", r.iterations);
			out.addValue("n", r.n);
			out.addValue("Positive", in.positive);
			out.addValue("Status", r.status.name().toLowerCase().replace('_', ' '));
			out.addValue("Note", r.message);
		}
		if (r.status != LogisticRegression.Status.CONVERGED) IJ.log("IVIM-J " + TITLE + ": " + r.message);
		IvimTables.publish(out, TITLE, save);
	}

	/** Fits the model on the complete cases; shared with the ROC command's combined score. */
	static LogisticRegression.Result fit(StudyInput in, double confidence) {
		StudyData.Complete c = in.data.complete(in.parameters, in.positive);
		logExcluded(TITLE, c.excluded);
		int np = 0;
		for (boolean b : c.positive) if (b) np++;
		if (np < 2 || c.positive.length - np < 2)
			throw new CommandException("Logistic regression: group \"" + (np < 2 ? in.positive : in.negative) + "\" has fewer than 2 rows with "
				+ "all of " + String.join(", ", in.parameters) + "; each group needs at least 2.");
		return IvimStatistics.logistic(c.x, c.positive, in.parameters.toArray(new String[0]), confidence);
	}
}

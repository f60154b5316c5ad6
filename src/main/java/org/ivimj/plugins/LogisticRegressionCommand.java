package org.ivimj.plugins;

import ij.IJ;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.IvimStatistics;
import org.ivimj.stats.LogisticRegression;
import org.ivimj.stats.StudyData;

/**
 * Plugins › IVIM › Statistics › IVIM Logistic Regression: multivariable binary logistic regression
 * of positive-group membership on the chosen parameters (Table 3), into the table {@value #TITLE}.
 * Method: maximum likelihood (as R's glm and SPSS), Firth's penalised likelihood (as R's brglm2), or
 * auto: maximum likelihood unless the groups are separated, then Firth's, with a note saying so.
 */
public class LogisticRegressionCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Logistic Regression";

	static final String ML = "maximum likelihood", FIRTH = "Firth", AUTO = "auto";
	static final String[] METHODS = {ML, FIRTH, AUTO};

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM Logistic Regression");
		StudyInput.addOptions(o);
		o.addChoice("Method", METHODS, ML);
		o.addNumber("Confidence level", 0.95, 2);
		o.addDirectory("Save tables to folder (optional)", "");
		o.addHelp("Method: maximum likelihood as R's glm and SPSS; Firth's penalised likelihood (R's brglm2) gives finite estimates "
			+ "also when the groups are separated; auto uses Firth's only then.");
		if (!o.show()) return;
		StudyInput in = StudyInput.read(o);
		String method = o.nextChoice();
		double confidence = o.nextNumber();
		checkConfidence(confidence);
		String save = o.nextString();
		LogisticRegression.Result r = method.equals(FIRTH) ? fitFirth(in, confidence) : fit(in, confidence);
		String note = null;
		if (method.equals(AUTO) && r.status == LogisticRegression.Status.SEPARATION) {
			note = "separation: maximum-likelihood estimates do not exist; Firth's penalised estimates reported";
			r = fitFirth(in, confidence);
		}
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		// Separation: the maximum-likelihood estimates are infinite, so glm's last iterate is not shown.
		boolean usable = r.status == LogisticRegression.Status.CONVERGED || r.status == LogisticRegression.Status.NOT_CONVERGED;
		List<String> notes = new ArrayList<>();
		if (note != null) notes.add(note);
		if (r.status != LogisticRegression.Status.CONVERGED) notes.add(r.message);
		notes.addAll(r.warnings);
		String noteText = notes.isEmpty() ? "" : String.join("; ", notes);
		// SPSS order: the parameters, then the constant.
		for (int k = 1; k <= r.terms.length; k++) {
			int i = k % r.terms.length;
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
			out.addValue("Method", r.method.label);
			out.addValue("Status", r.status.name().toLowerCase().replace('_', ' '));
			out.addValue("Note", noteText);
		}
		if (!noteText.isEmpty()) IJ.log("IVIM-J " + TITLE + ": " + noteText);
		IvimTables.publish(out, TITLE, save);
	}

	/** Fits the model on the complete cases by maximum likelihood; shared with the ROC command's combined score. */
	static LogisticRegression.Result fit(StudyInput in, double confidence) {
		StudyData.Complete c = complete(in);
		return IvimStatistics.logistic(c.x, c.positive, in.parameters.toArray(new String[0]), confidence);
	}

	private static LogisticRegression.Result fitFirth(StudyInput in, double confidence) {
		StudyData.Complete c = complete(in);
		return IvimStatistics.firth(c.x, c.positive, in.parameters.toArray(new String[0]), confidence);
	}

	private static StudyData.Complete complete(StudyInput in) {
		StudyData.Complete c = in.data.complete(in.parameters, in.positive);
		logExcluded(TITLE, c.excluded);
		int np = 0;
		for (boolean b : c.positive) if (b) np++;
		if (np < 2 || c.positive.length - np < 2)
			throw new CommandException("Logistic regression: group \"" + (np < 2 ? in.positive : in.negative) + "\" has fewer than 2 rows with "
				+ "all of " + String.join(", ", in.parameters) + "; each group needs at least 2.");
		return c;
	}
}

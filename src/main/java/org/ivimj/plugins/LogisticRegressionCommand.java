package org.ivimj.plugins;

import ij.IJ;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.LogisticRegression;

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
		o.helpPage("IVIM Logistic Regression...");
		if (!o.show()) return;
		StudyInput in = StudyInput.read(o);
		String method = o.nextChoice();
		double confidence = o.nextNumber();
		checkConfidence(confidence);
		String save = o.nextString();
		LogisticRegression.Result r = in.logistic(method.equals(FIRTH), confidence, TITLE);
		String note = null;
		if (method.equals(AUTO) && r.status == LogisticRegression.Status.SEPARATION) {
			note = "separation: maximum-likelihood estimates do not exist; Firth's penalised estimates reported";
			r = in.logistic(true, confidence, TITLE);
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
}

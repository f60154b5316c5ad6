package org.ivimj.plugins;

import ij.IJ;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.LogisticRegression;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;

/**
 * Plugins › IVIM › Statistics › IVIM Logistic Regression: multivariable binary logistic regression
 * of positive-group membership on the chosen parameters (Table 3), into the table {@value #TITLE}.
 * Method: maximum likelihood (as R's glm and SPSS), Firth's penalised likelihood (as R's brglm2), or
 * auto: maximum likelihood unless the groups are separated, then Firth's, with a note saying so.
 */
@Plugin(type = Command.class, label = "IVIM Logistic Regression...", description = "multivariable logistic regression (Table 3)",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Logistic Regression... (Table 3)"))
public class LogisticRegressionCommand extends StudyCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Logistic Regression";

	static final String ML = "maximum likelihood", FIRTH = "Firth", AUTO = "auto";

	@Parameter(label = "Method (ML as R's glm and SPSS; Firth's as brglm2, finite under separation; auto: Firth's only then)",
		choices = {ML, FIRTH, AUTO}, persist = false)
	public String method = ML;
	@Parameter(label = "Confidence level", min = "0", max = "1", persist = false)
	public double confidence = 0.95;

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable regression;

	@Override
	void execute() {
		StudyInput in = input();
		checkConfidence(confidence);
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
		IvimTables.save(out, TITLE, save);
		regression = out;
	}
}

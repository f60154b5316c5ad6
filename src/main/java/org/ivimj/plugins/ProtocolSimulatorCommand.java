package org.ivimj.plugins;


import java.util.Locale;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.ij.ChoiceSource;
import ij.measure.ResultsTable;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.ivimj.fit.ProtocolSimulator;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.IvimTables;

/**
 * Plugins › IVIM › IVIM Protocol Simulator...: how well a b-value protocol pins a tissue's parameters
 * with a given fit method and SNR — Monte-Carlo bias, SD and RMSE per parameter next to the
 * Cramér–Rao bound — into the table {@value #TITLE}. Users compare candidate b-value sets with it
 * (there is no standard b-value set for IVIM). Macro:
 * {@code run("IVIM Protocol Simulator...", "b-values=[0,20,50,100,150,200,400,800,1200,1500]
 * method=[bi-exponential (free)] tissue=[1000,0.25,0.00085,0.034] snr=50 realisations=1000 seed=1");}
 */
@Plugin(type = Command.class, label = "IVIM Protocol Simulator...", description = "bias, SD and Cramér-Rao bound of a protocol",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## Menus"))
public class ProtocolSimulatorCommand extends IvimCommand implements ChoiceSource {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Protocol Simulation";

	private static final String PAPER_B = "0,20,50,100,150,200,400,800,1200,1500";

	/**
	 * The voxel-wise methods, the region-wide ones (the realisations form one homogeneous region), then
	 * the kurtosis ones (which need b-values to 1500 s/mm² or more).
	 */
	static FitMethod[] methods() {
		FitMethod[] v = FitMethod.voxelwise(), k = FitMethod.kurtosis();
		FitMethod[] region = {FitMethod.BI_SHRINKAGE, FitMethod.BI_SPATIAL};
		FitMethod[] all = java.util.Arrays.copyOf(v, v.length + region.length + k.length);
		System.arraycopy(region, 0, all, v.length, region.length);
		System.arraycopy(k, 0, all, v.length + region.length, k.length);
		return all;
	}

	@Parameter(label = "b-values (s/mm², comma-separated)", attrs = {@Attr(name = "columns", value = "40"),
		@Attr(name = "alias", value = "b-values")}, persist = false)
	public String b_values = PAPER_B;
	@Parameter(label = "Method", style = "choice", persist = false)
	public String method = FitMethod.BI_FREE.label();
	@Parameter(label = "Tissue: the method's parameters (S0,f,D,D* | S0,ADC | S0,DDC,alpha | S0,f,D,D*,K | S0,D,K)",
		attrs = @Attr(name = "columns", value = "30"), persist = false)
	public String tissue = "1000,0.25,0.00085,0.034";
	@Parameter(label = "SNR (S0 / noise SD)", min = "0", persist = false)
	public double snr = 50;
	@Parameter(label = "Realisations", min = "2", max = "10000000", persist = false)
	public int realisations = 1000;
	@Parameter(label = "Random seed", persist = false)
	public long seed = 1;
	@Parameter(label = "Save the table to folder (optional)", style = "directory", required = false, persist = false)
	public String save = "";

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable simulation;

	@Override
	public String[] choices(String parameter) {
		if (!parameter.equals("method")) return null;
		FitMethod[] offered = methods();
		String[] labels = new String[offered.length];
		for (int i = 0; i < labels.length; i++) labels[i] = offered[i].label();
		return labels;
	}

	@Override
	void execute() {
		FitMethod[] offered = methods();
		double[] b;
		try {
			b = BValueText.parseList(b_values);
		}
		catch (org.ivimj.ij.IvimInputException e) {
			throw new CommandException("b-values: " + e.getMessage());
		}
		String label = method;
		FitMethod method = null;
		for (FitMethod m : offered)
			if (m.label().equals(label)) method = m;
		double[] tissue;
		try {
			tissue = BValueText.parseList(this.tissue);
		}
		catch (org.ivimj.ij.IvimInputException e) {
			throw new CommandException("tissue: give the method's parameters as numbers, e.g. 1000,0.25,0.00085,0.034 ("
				+ e.getMessage() + ")");
		}
		ProtocolSimulator.Row[] rows;
		try {
			rows = ProtocolSimulator.simulate(b, method, tissue, snr, realisations, new FitOptions(), seed);
		}
		catch (IllegalArgumentException e) {
			throw new CommandException(e.getMessage());
		}
		IvimResultsTable out = new IvimResultsTable();
		for (ProtocolSimulator.Row r : rows) {
			out.incrementCounter();
			out.addValue("Method", method.label());
			out.addValue("SNR", snr);
			out.addValue("Parameter", r.parameter);
			out.addValue("Truth", r.truth);
			out.addValue("Mean", r.mean);
			out.addValue("Bias", r.bias);
			out.addValue("SD", r.sd);
			out.addValue("RMSE", r.rmse);
			out.addValue("CRB_SD", r.cramerRao);
			out.addValue("RMSE_over_CRB", r.rmse / r.cramerRao);
			out.addValue("Fitted_percent", 100 * r.fitted);
			out.addValue("b_values", BValueText.format(b));
		}
		showReadably(out, snr);
		IvimTables.save(out, TITLE, save);
		simulation = out;
		ij.IJ.showStatus(String.format(Locale.ROOT, "IVIM-J: simulated %d realisations", (int) realisations));
	}

	/**
	 * Display formats a person reads (the table holds full doubles; only the shown digits change):
	 * SNR as typed; each parameter-valued column with enough decimals for 3 significant digits of
	 * its smallest nonzero value (at most 9; whole numbers such as S0 = 1000 without decimals); the
	 * efficiency ratio with 3 decimals and the fitted percentage with 1. The saved CSV keeps full
	 * precision whatever is shown ({@link IvimResultsTable}).
	 */
	static void showReadably(IvimResultsTable out, double snr) {
		for (String c : new String[] {"Truth", "Mean", "Bias", "SD", "RMSE", "CRB_SD"}) {
			double smallest = Double.POSITIVE_INFINITY;
			for (double v : out.getColumn(c)) if (v != 0 && Double.isFinite(v)) smallest = Math.min(smallest, Math.abs(v));
			int decimals = Double.isInfinite(smallest) ? 3 : Math.max(3, Math.min(9, 2 - (int) Math.floor(Math.log10(smallest))));
			out.setColumnFormat(c, decimals);
		}
		out.setColumnFormat("SNR", snr == Math.rint(snr) ? 0 : 2);
		out.setColumnFormat("RMSE_over_CRB", 3);
		out.setColumnFormat("Fitted_percent", 1);
	}
}

package org.ivimj.ij;

import ij.gui.Plot;

import java.awt.Color;
import java.util.List;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.model.SignalModel;

/**
 * The decay plot of one ROI on one position: mean signal ± SD against b, and each method's fit of the
 * mean signal as a curve with its parameter values in the legend, on a linear or logarithmic signal axis.
 */
public final class DecayPlot {

	private static final Color[] COLORS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e)};

	private DecayPlot() {}

	/** Builds the plot; {@code log} puts the signal axis on a log scale. */
	public static Plot build(String title, DiffusionHyperstack h, FitRegion.Part part, List<FitMethod> methods,
		FitOptions options, boolean log)
	{
		double[] b = h.bValues();
		double[][] stats = h.signalStatistics(part.mask, part.position);
		double[] mean = stats[0], sd = stats[1];
		for (int i = 0; i < sd.length; i++)
			if (Double.isNaN(sd[i])) sd[i] = 0;
		Plot plot = new Plot(title, "b (s/mm²)", "signal (mean ± SD over " + part.voxels + " voxels)");
		double bMax = 0, sMax = 0, sMin = Double.POSITIVE_INFINITY;
		for (int i = 0; i < b.length; i++) {
			bMax = Math.max(bMax, b[i]);
			sMax = Math.max(sMax, mean[i] + sd[i]);
			if (mean[i] > 0) sMin = Math.min(sMin, mean[i]);
		}
		StringBuilder legend = new StringBuilder("ROI mean ± SD");
		plot.setColor(Color.black);
		plot.addPoints(b, mean, sd, Plot.CIRCLE);
		int k = 0;
		for (FitMethod m : methods) {
			FitResult r;
			try {
				r = Ivim.fit(m, b, mean, options);
			}
			catch (IllegalArgumentException e) { // a protocol the method cannot fit (e.g. kurtosis below b = 1500)
				throw new IvimInputException(m.label() + ": " + e.getMessage());
			}
			int n = 200;
			double[] x = new double[n], y = new double[n];
			SignalModel model = m.model();
			for (int i = 0; i < n; i++) {
				x[i] = bMax * i / (n - 1);
				y[i] = r.status.hasParameters() ? model.value(x[i], r.parameters) : Double.NaN;
			}
			plot.setColor(COLORS[k++ % COLORS.length]);
			plot.setLineWidth(1.5f);
			plot.addPoints(x, y, Plot.LINE);
			legend.append('\n').append(legendText(m, r));
		}
		plot.setColor(Color.black);
		plot.setLineWidth(1);
		plot.addLegend(legend.toString(), "top-right");
		if (log) {
			plot.setLimits(0, bMax * 1.02, Math.max(sMin * 0.5, 1e-6), sMax * 1.2);
			plot.setAxisYLog(true);
		}
		else plot.setLimits(0, bMax * 1.02, 0, sMax * 1.1);
		return plot;
	}

	/** "biseg: S0=1000, f=0.250, D=8.50e-4, D*=3.39e-2, R²=0.999" */
	public static String legendText(FitMethod m, FitResult r) {
		StringBuilder sb = new StringBuilder(m.prefix()).append(':');
		if (!r.status.hasParameters()) return sb.append(" fit failed (").append(r.reason.message()).append(')').toString();
		String[] names = m.parameterNames(), units = m.parameterUnits();
		for (int i = 0; i < names.length; i++) {
			double v = r.parameters[i];
			String s = units[i].equals("mm²/s") ? String.format("%.3g", v) : units[i].isEmpty()
				? String.format("%.3f", v) : String.format("%.4g", v);
			sb.append(i == 0 ? " " : ", ").append(names[i]).append('=').append(s);
		}
		return sb.append(String.format(", R²=%.4f", r.rSquared)).toString();
	}
}

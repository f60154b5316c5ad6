package org.ivimj.ij;

import ij.gui.Plot;
import ij.measure.Calibration;
import ij.measure.ResultsTable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.analysis.HistogramFeatures;
import org.ivimj.analysis.Lesions;
import org.ivimj.fit.FitMethod;
import org.ivimj.pipeline.RegionFitResult;

/**
 * Whole-lesion histogram features from the region-fit pipeline's stored results (the image is
 * not read again): extra columns {@code <stem>_p5 ... <stem>_failed} for each row of the ROI table, a table
 * {@value #TITLE} with a row per 3-D lesion (ROIs of one name on consecutive slices, see
 * {@link Lesions}) and its calibrated volume, and a histogram plot of one parameter with every lesion
 * overlaid. Features are defined in {@link HistogramFeatures}.
 */
public final class LesionHistograms {

	/** Title of the per-lesion table. */
	public static final String TITLE = "IVIM Lesion Histograms";
	/** Features added to each row of the ROI table (mean, SD and median are there already). */
	private static final int FIRST_ROW_FEATURE = 2;

	private static final Color[] COLORS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
		new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

	private LesionHistograms() {}

	/** Adds the histogram columns to the ROI table, whose rows are the region's parts in order. */
	public static void addColumns(IvimResultsTable rt, DiffusionHyperstack h, FitRegion region, RegionFitResult fit) {
		List<FitRegion.Part> parts = region.parts();
		List<FitMethod> methods = fit.methods();
		for (int row = 0; row < parts.size(); row++) {
			int[] voxels = RoiResultsTable.voxels(h, parts.get(row), fit);
			for (FitMethod m : methods) {
				String[] names = m.parameterNames();
				for (int k = 0; k < names.length; k++) {
					double[] f = fit.histogram(m, k, voxels).values();
					for (int i = FIRST_ROW_FEATURE; i < f.length; i++)
						rt.setValue(MapNames.stem(m, names[k]) + "_" + HistogramFeatures.NAMES[i], row, f[i]);
				}
			}
		}
		format(rt, methods);
	}

	/**
	 * The per-lesion table: {@code Lesion}, {@code Channel}, {@code Frame}, {@code First slice},
	 * {@code Last slice}, {@code Slices}, {@code Voxels}, {@code Volume} (voxels × pixel width × height ×
	 * depth, calibrated units³), then {@code <stem>_<feature>} for every feature of
	 * {@link HistogramFeatures#NAMES}.
	 */
	public static ResultsTable lesionTable(DiffusionHyperstack h, FitRegion region, RegionFitResult fit) {
		List<FitMethod> methods = fit.methods();
		IvimResultsTable rt = new IvimResultsTable();
		Calibration cal = h.image().getCalibration();
		double voxelVolume = cal.pixelWidth * cal.pixelHeight * cal.pixelDepth;
		List<FitRegion.Part> parts = region.parts();
		for (Lesions.Lesion lesion : lesions(h, region)) {
			FitRegion.Part first = parts.get(lesion.sections.get(0));
			int[] czt = h.mapCoordinates(first.position);
			int voxels = 0;
			for (int i : lesion.sections) voxels += parts.get(i).voxels;
			rt.incrementCounter();
			rt.addValue("Lesion", lesion.name);
			rt.addValue("Channel", czt[0]);
			rt.addValue("Frame", czt[2]);
			rt.addValue("First slice", lesion.firstSlice);
			rt.addValue("Last slice", lesion.lastSlice);
			rt.addValue("Slices", lesion.sliceCount());
			rt.addValue("Voxels", voxels);
			rt.addValue("Volume", voxels * voxelVolume);
			for (FitMethod m : methods) {
				String[] names = m.parameterNames();
				for (int k = 0; k < names.length; k++) {
					double[] f = fit.histogram(m, k, lesionVoxels(h, region, lesion, fit)).values();
					for (int i = 0; i < f.length; i++) rt.addValue(MapNames.stem(m, names[k]) + "_" + HistogramFeatures.NAMES[i], f[i]);
				}
			}
		}
		format(rt, methods);
		rt.setColumnFormat("Volume", 4);
		return rt;
	}

	/**
	 * The histogram of one parameter ({@code stem}, e.g. {@code bifree_D}) with every lesion overlaid:
	 * fraction of the lesion's fitted voxels per bin, common equal-width bins over all lesions' values
	 * (Sturges' count for the largest lesion). Throws {@link IvimInputException} for an unknown stem.
	 */
	public static Plot plot(String title, DiffusionHyperstack h, FitRegion region, RegionFitResult fit, String stem) {
		List<FitMethod> methods = fit.methods();
		FitMethod method = null;
		int parameter = -1;
		for (FitMethod m : methods) {
			String[] names = m.parameterNames();
			for (int k = 0; k < names.length; k++)
				if (MapNames.stem(m, names[k]).equalsIgnoreCase(checkStem(methods, stem))) {
					method = m;
					parameter = k;
				}
		}
		String unit = method.parameterUnits()[parameter];
		List<Lesions.Lesion> lesions = lesions(h, region);
		List<double[]> samples = new ArrayList<>();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int largest = 1;
		for (Lesions.Lesion lesion : lesions) {
			int[] voxels = lesionVoxels(h, region, lesion, fit);
			double[] v = new double[voxels.length];
			fit.values(method, parameter, voxels, v, 0);
			int k = 0;
			for (double x : v)
				if (Double.isFinite(x)) {
					v[k++] = x;
					min = Math.min(min, x);
					max = Math.max(max, x);
				}
			samples.add(java.util.Arrays.copyOf(v, k));
			largest = Math.max(largest, k);
		}
		Plot plot = new Plot(title, stem + (unit.isEmpty() || unit.equals("a.u.") ? "" : " (" + unit + ")"),
			"fraction of the lesion's fitted voxels");
		if (!(max >= min)) {
			plot.addLabel(0.1, 0.5, "no fitted voxel in any lesion");
			return plot;
		}
		if (max == min) {
			min -= 0.5 * Math.max(Math.abs(min), 1e-12);
			max += 0.5 * Math.max(Math.abs(max), 1e-12);
		}
		int bins = HistogramFeatures.sturgesBins(largest);
		double width = (max - min) / bins, top = 0;
		StringBuilder legend = new StringBuilder();
		for (int l = 0; l < lesions.size(); l++) {
			double[] v = samples.get(l);
			int[] counts = HistogramFeatures.histogram(v, v.length, bins, min, max);
			// A step outline: each bin's top edge, drawn from its left to its right edge.
			double[] x = new double[2 * bins + 2], y = new double[2 * bins + 2];
			x[0] = min;
			for (int b = 0; b < bins; b++) {
				double frac = v.length == 0 ? 0 : counts[b] / (double) v.length;
				top = Math.max(top, frac);
				x[2 * b + 1] = min + b * width;
				x[2 * b + 2] = min + (b + 1) * width;
				y[2 * b + 1] = frac;
				y[2 * b + 2] = frac;
			}
			x[2 * bins + 1] = max;
			plot.setColor(COLORS[l % COLORS.length]);
			plot.setLineWidth(1.5f);
			plot.addPoints(x, y, Plot.LINE);
			legend.append(l == 0 ? "" : "\n").append(lesions.get(l).name).append(" (n=").append(v.length).append(')');
		}
		plot.setColor(Color.black);
		plot.setLineWidth(1);
		plot.addLegend(legend.toString(), "top-right");
		plot.setLimits(min, max, 0, Math.max(top, 1e-9) * 1.15);
		return plot;
	}

	/** Returns the trimmed stem if one of these methods fits it; else throws {@link IvimInputException} listing the choices. */
	public static String checkStem(List<FitMethod> methods, String stem) {
		List<String> stems = new ArrayList<>();
		for (FitMethod m : methods)
			for (String p : m.parameterNames()) {
				stems.add(MapNames.stem(m, p));
				if (MapNames.stem(m, p).equalsIgnoreCase(stem.trim())) return stem.trim();
			}
		throw new IvimInputException("histogram_plot=" + stem + " is not a fitted parameter: give one of "
			+ String.join(", ", stems) + " (<method>_<parameter> of a ticked method), or leave it empty.");
	}

	/** The 3-D lesions of the region's ROI parts. */
	public static List<Lesions.Lesion> lesions(DiffusionHyperstack h, FitRegion region) {
		List<Lesions.Section> sections = new ArrayList<>();
		for (FitRegion.Part p : region.parts()) {
			int[] czt = h.mapCoordinates(p.position);
			sections.add(new Lesions.Section(p.name, czt[0], czt[1], czt[2]));
		}
		return Lesions.group(sections);
	}

	/** A lesion's voxels (the pipeline's numbers), section after section. */
	private static int[] lesionVoxels(DiffusionHyperstack h, FitRegion region, Lesions.Lesion lesion, RegionFitResult fit) {
		int[][] sections = new int[lesion.sections.size()][];
		int total = 0;
		for (int i = 0; i < sections.length; i++) {
			sections[i] = RoiResultsTable.voxels(h, region.parts().get(lesion.sections.get(i)), fit);
			total += sections[i].length;
		}
		int[] all = new int[total];
		int n = 0;
		for (int[] s : sections) {
			System.arraycopy(s, 0, all, n, s.length);
			n += s.length;
		}
		return all;
	}

	/**
	 * Display formats (scientific for diffusivities); through {@link IvimResultsTable} they survive ImageJ's
	 * precision reset, and saved files keep full precision whatever is shown.
	 */
	private static void format(IvimResultsTable rt, List<FitMethod> methods) {
		for (FitMethod m : methods) {
			String[] names = m.parameterNames(), units = m.parameterUnits();
			for (int k = 0; k < names.length; k++)
				for (String f : HistogramFeatures.NAMES) {
					String column = MapNames.stem(m, names[k]) + "_" + f;
					boolean diffusivity = units[k].equals("mm²/s") && (f.equals("mean") || f.equals("sd") || f.startsWith("p"));
					rt.setColumnFormat(column, diffusivity ? -5 : 5);
				}
		}
	}
}

package org.ivimj.ij;

import ij.measure.Calibration;
import ij.measure.ResultsTable;

import java.util.List;
import java.util.Map;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.ivimj.analysis.SampleSummary;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;

/**
 * The per-ROI results table: a row per ROI and position (slice) it covers. Fixed columns, so macros
 * can read them with {@code getResult}: {@code ROI} (text), {@code Channel}, {@code Slice},
 * {@code Frame} (1-based, in the maps' dimensions), {@code Area} (calibrated units²), {@code Voxels};
 * then for each method and parameter {@code <stem>_mean}, {@code <stem>_sd}, {@code <stem>_median}
 * over the ROI's voxels (failed voxels skipped), {@code <stem>_roifit} (fit of the ROI's mean signal),
 * and per method {@code <prefix>_valid} (voxels with a fitted value) and {@code <prefix>_R2_roifit};
 * for the Bayesian shrinkage fit also {@code <stem>_postsd}, the mean posterior SD over the ROI's voxels.
 * Stems are {@link MapNames#stem}, e.g. {@code biseg_Dstar}.
 */
public final class RoiResultsTable {

	/** Title of the table: ImageJ's own Results table, which macros read with getResult, also headless. */
	public static final String TITLE = "Results";

	private RoiResultsTable() {}

	/**
	 * Builds the table.
	 *
	 * @param planes per method, {@code [parameter][position][pixel]} maps as made by {@link ParameterMaps#scatter}
	 */
	public static IvimResultsTable build(DiffusionHyperstack h, FitRegion region, List<FitMethod> methods,
		Map<FitMethod, float[][][]> planes, FitOptions options)
	{
		return build(h, region, methods, planes, options, null);
	}

	/**
	 * Builds the table; with a model-selection label map ({@code [position][pixel]}, codes of
	 * {@link org.ivimj.fit.ModelSelection}) also the voxel counts {@code models_mono},
	 * {@code models_bi}, {@code models_stretched} per row.
	 */
	public static IvimResultsTable build(DiffusionHyperstack h, FitRegion region, List<FitMethod> methods,
		Map<FitMethod, float[][][]> planes, FitOptions options, float[][] modelLabels)
	{
		IvimResultsTable rt = new IvimResultsTable();
		Calibration cal = h.image().getCalibration();
		double pixelArea = cal.pixelWidth * cal.pixelHeight;
		double[] b = h.bValues();
		for (FitRegion.Part part : region.parts()) {
			rt.incrementCounter();
			int[] czt = h.mapCoordinates(part.position);
			rt.addValue("ROI", part.name);
			rt.addValue("Channel", czt[0]);
			rt.addValue("Slice", czt[1]);
			rt.addValue("Frame", czt[2]);
			rt.addValue("Area", part.voxels * pixelArea);
			rt.addValue("Voxels", part.voxels);
			double[] meanSignal = h.signalStatistics(part.mask, part.position)[0];
			double[] values = new double[part.voxels];
			for (FitMethod m : methods) {
				String[] names = m.parameterNames();
				// A single mean signal has no population to learn a prior from: the shrinkage row gets its free fit.
				FitResult roiFit = Ivim.fit(m.regionWide() ? FitMethod.BI_FREE : m, b, meanSignal, options);
				float[][][] mp = planes.get(m);
				int valid = 0;
				for (int k = 0; k < names.length; k++) {
					int n = collect(h, part, mp[k][part.position], values);
					SampleSummary s = SampleSummary.of(values, n);
					if (k == 0) valid = s.count;
					String stem = MapNames.stem(m, names[k]);
					rt.addValue(stem + "_mean", s.mean);
					rt.addValue(stem + "_sd", s.sd);
					rt.addValue(stem + "_median", s.median);
					rt.addValue(stem + "_roifit", roiFit.parameters[k]);
				}
				rt.addValue(MapNames.prefix(m) + "_valid", valid);
				rt.addValue(MapNames.prefix(m) + "_R2_roifit", roiFit.rSquared);
				if (mp.length > names.length) // posterior SDs of a Bayesian fit: their mean over the ROI's voxels
					for (int k = 0; k < names.length; k++) {
						int n = collect(h, part, mp[names.length + k][part.position], values);
						rt.addValue(MapNames.stem(m, names[k]) + "_postsd", SampleSummary.of(values, n).mean);
					}
			}
			if (modelLabels != null) {
				int n = collect(h, part, modelLabels[part.position], values);
				int[] counts = new int[4];
				for (int i = 0; i < n; i++)
					if (values[i] >= 0 && values[i] <= 3) counts[(int) values[i]]++;
				rt.addValue("models_mono", counts[1]);
				rt.addValue("models_bi", counts[2]);
				rt.addValue("models_stretched", counts[3]);
			}
		}
		formatColumns(rt, methods);
		return rt;
	}

	/** Every column name the table has for these methods, in order (for docs and tests). */
	public static String[] columnsFor(List<FitMethod> methods) {
		java.util.List<String> c = new java.util.ArrayList<>(java.util.Arrays.asList("ROI", "Channel", "Slice", "Frame",
			"Area", "Voxels"));
		for (FitMethod m : methods) {
			for (String p : m.parameterNames())
				for (String s : new String[] {"_mean", "_sd", "_median", "_roifit"})
					c.add(MapNames.stem(m, p) + s);
			c.add(MapNames.prefix(m) + "_valid");
			c.add(MapNames.prefix(m) + "_R2_roifit");
			if (m.regionWide()) for (String p : m.parameterNames()) c.add(MapNames.stem(m, p) + "_postsd");
		}
		return c.toArray(new String[0]);
	}

	static int collect(DiffusionHyperstack h, FitRegion.Part part, float[] plane, double[] out) {
		Cursor<FloatType> c = ArrayImgs.floats(plane, h.width(), h.height()).cursor();
		Cursor<UnsignedByteType> m = part.mask.cursor();
		int n = 0;
		while (m.hasNext()) {
			m.fwd();
			c.fwd();
			if (m.get().get() != 0) out[n++] = c.get().get();
		}
		return n;
	}

	private static void formatColumns(IvimResultsTable rt, List<FitMethod> methods) {
		// Diffusivities are ~1e-3: scientific notation keeps their digits readable in the window (saved files
		// keep full precision whatever the display format: IvimResultsTable).
		for (FitMethod m : methods) {
			String[] names = m.parameterNames(), units = m.parameterUnits();
			for (int k = 0; k < names.length; k++)
				for (String s : new String[] {"_mean", "_sd", "_median", "_roifit"}) {
					rt.setColumnFormat(MapNames.stem(m, names[k]) + s, units[k].equals("mm²/s") ? -5 : 5);
				}
			rt.setColumnFormat(MapNames.prefix(m) + "_R2_roifit", 5);
		}
		rt.setColumnFormat("Area", 4);
	}
}

package org.ivimj.ij;

import ij.measure.Calibration;

import java.util.List;

import org.ivimj.analysis.SampleSummary;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.ModelSelection;
import org.ivimj.pipeline.RegionFitResult;
import org.ivimj.pipeline.RegionSummary;

/**
 * The per-ROI results table, read from the region-fit pipeline's stored results ({@link RegionSummary}): a row per ROI and position (slice) it covers. Fixed columns, so macros
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
	 * Builds the table from the pipeline's stored results; with model labels (per voxel, codes of
	 * {@link org.ivimj.fit.ModelSelection}) also the voxel counts {@code models_mono}, {@code models_bi},
	 * {@code models_stretched} per row.
	 */
	public static IvimResultsTable build(DiffusionHyperstack h, FitRegion region, RegionFitResult fit, byte[] modelLabels) {
		IvimResultsTable rt = new IvimResultsTable();
		Calibration cal = h.image().getCalibration();
		double pixelArea = cal.pixelWidth * cal.pixelHeight;
		List<FitMethod> methods = fit.methods();
		for (FitRegion.Part part : region.parts()) {
			rt.incrementCounter();
			int[] czt = h.mapCoordinates(part.position);
			rt.addValue("ROI", part.name);
			rt.addValue("Channel", czt[0]);
			rt.addValue("Slice", czt[1]);
			rt.addValue("Frame", czt[2]);
			rt.addValue("Area", part.voxels * pixelArea);
			rt.addValue("Voxels", part.voxels);
			RegionSummary summary = fit.summarize(voxels(h, part, fit));
			for (FitMethod m : methods) {
				String[] names = m.parameterNames();
				RegionSummary.MethodSummary ms = summary.of(m);
				for (int k = 0; k < names.length; k++) {
					SampleSummary s = ms.parameters[k];
					String stem = MapNames.stem(m, names[k]);
					rt.addValue(stem + "_mean", s.mean);
					rt.addValue(stem + "_sd", s.sd);
					rt.addValue(stem + "_median", s.median);
					rt.addValue(stem + "_roifit", ms.meanSignalFit.parameters[k]);
				}
				rt.addValue(m.prefix() + "_valid", ms.valid);
				rt.addValue(m.prefix() + "_R2_roifit", ms.meanSignalFit.rSquared);
				if (ms.meanPosteriorSd != null) // posterior SDs of a Bayesian fit: their mean over the ROI's voxels
					for (int k = 0; k < names.length; k++) rt.addValue(MapNames.stem(m, names[k]) + "_postsd", ms.meanPosteriorSd[k]);
			}
			if (modelLabels != null) {
				int[] counts = summary.modelCounts(modelLabels);
				rt.addValue("models_mono", counts[ModelSelection.MONO]);
				rt.addValue("models_bi", counts[ModelSelection.BIEXPONENTIAL]);
				rt.addValue("models_stretched", counts[ModelSelection.STRETCHED]);
			}
		}
		formatColumns(rt, methods);
		return rt;
	}

	/** The pipeline's voxel numbers inside an ROI part, in pixel order. */
	static int[] voxels(DiffusionHyperstack h, FitRegion.Part part, RegionFitResult fit) {
		return fit.voxelsIn(h.mask(part.mask, part.position));
	}

	/** Every column name the table has for these methods, in order (for docs and tests). */
	public static String[] columnsFor(List<FitMethod> methods) {
		java.util.List<String> c = new java.util.ArrayList<>(java.util.Arrays.asList("ROI", "Channel", "Slice", "Frame",
			"Area", "Voxels"));
		for (FitMethod m : methods) {
			for (String p : m.parameterNames())
				for (String s : new String[] {"_mean", "_sd", "_median", "_roifit"})
					c.add(MapNames.stem(m, p) + s);
			c.add(m.prefix() + "_valid");
			c.add(m.prefix() + "_R2_roifit");
			if (m.posteriorStandardErrors()) for (String p : m.parameterNames()) c.add(MapNames.stem(m, p) + "_postsd");
		}
		return c.toArray(new String[0]);
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
			rt.setColumnFormat(m.prefix() + "_R2_roifit", 5);
		}
		rt.setColumnFormat("Area", 4);
	}
}

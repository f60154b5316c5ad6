package org.ivimj.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ModelSelection;
import org.ivimj.pipeline.RegionFit;
import org.ivimj.pipeline.RegionFitResult;

/**
 * Fits IVIM maps of an image, as a thin layer over the core's region-fit pipeline ({@link RegionFit}):
 * wraps the image as an ImgLib2 view (no copy) and its ROIs or threshold as a label view, runs the
 * pipeline, and turns what comes back (maps as views, ROI statistics, model labels, histogram features)
 * into ImageJ images and tables. Reads the image, its ROIs and the ROI Manager; changes none of them. Shows nothing:
 * the caller decides what to display.
 */
public final class FitMapsJob {

	private FitMapsJob() {}

	/**
	 * Runs the fit. Bad input throws {@link IvimInputException}; so does cancellation (the message says so).
	 *
	 * @param progress fraction done over all methods, may be null
	 * @param cancelled polled between blocks of voxels, may be null
	 */
	public static FitMapsResult run(ImagePlus imp, FitMapsSettings s, BatchFit.Progress progress,
		BooleanSupplier cancelled)
	{
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		if (s.methods.isEmpty()) throw new IvimInputException("No fit method chosen: tick at least one "
			+ "(macro keys mono, mono_nonlinear, segmented, free, stretched, shrinkage, kurtosis_segmented, kurtosis_free, "
			+ "kurtosis_mono, spatial).");
		FitOptions options = s.options.clone();
		try {
			options.validate();
		}
		catch (IllegalArgumentException e) {
			throw new IvimInputException(e.getMessage());
		}
		double[] b = h.bValues();
		String[] noiseNote = {null};
		if (!s.noise.off()) options.noiseSigma(s.noise.sigma(h, noiseNote));
		List<FitMethod> methods = new ArrayList<>(s.methods);
		if (!s.histogramPlot.trim().isEmpty()) LesionHistograms.checkStem(methods, s.histogramPlot);
		try {
			RegionFit.check(methods, b, options);
		}
		catch (IllegalArgumentException e) {
			throw new IvimInputException(e.getMessage());
		}

		long t0 = System.nanoTime();
		FitRegion firstReader = s.rois != null ? FitRegion.ofRois(h, s.rois, RoiSets.names(s.rois), "ROIs passed in")
			: s.region.build(h, s.threshold);
		FitRegion secondReader = null, region = firstReader;
		if ((s.histogram || !s.histogramPlot.trim().isEmpty()) && firstReader.parts().isEmpty())
			throw new IvimInputException("Histogram features are per lesion: draw lesion ROIs (ROI Manager or a selection) "
				+ "and choose a region of ROIs, or untick histogram and clear histogram_plot.");
		if (s.secondReaderRois != null) {
			if (firstReader.parts().isEmpty()) throw new IvimInputException("A second reader's ROIs need the first "
				+ "reader's ROIs too: choose region=[ROI Manager (all)] (or a selection) for reader 1.");
			List<String> names2 = new ArrayList<>();
			for (ij.gui.Roi r : s.secondReaderRois) names2.add(r.getName() == null ? "unnamed" : r.getName());
			secondReader = FitRegion.ofRois(h, s.secondReaderRois, names2, "second reader's ROIs");
			// Fit the union of both readers' ROIs once; each reader's table summarises its own voxels.
			region = FitRegion.union(h, firstReader, s.secondReaderRois, names2);
		}
		long t1 = System.nanoTime();

		// The image is read once, as a view (no copy), over the region's label view; everything below reads the result.
		RegionFitResult fit;
		try {
			fit = RegionFit.of(h.series(), b).labels(h.labels(region.masks())).methods(methods).options(options)
				.threads(s.threads).progress(progress).cancelled(cancelled).run();
		}
		catch (IllegalArgumentException e) {
			throw new IvimInputException(e.getMessage());
		}
		if (fit.cancelled()) throw new IvimInputException("Fit cancelled (Esc): no maps were made.");
		double rising = fit.risingFraction();
		if (rising > 0.5) ij.IJ.log(String.format(java.util.Locale.ROOT, "IVIM-J warning: the signal rises with b in %.0f%% "
			+ "of the region's voxels: are the b-values in the right order? Check them with Plugins › IVIM › Set b-values...",
			100 * rising));
		long t2 = System.nanoTime();

		String source = MapNames.sourceName(imp.getTitle());
		String info = "source = " + imp.getTitle() + "\nb-values (s/mm²) = " + BValueText.format(b)
			+ "\nb dimension = " + h.bDimension().word() + "\nregion = " + region.description() + "\n"
			+ "fitted voxels = " + region.voxelCount() + "\nconvention = D* is the full pseudo-diffusion coefficient;"
			+ " failed fits are NaN\n" + (noiseNote[0] == null ? "" : noiseNote[0] + " (noise-floor-aware fits)\n");
		List<ImagePlus> maps = new ArrayList<>();
		List<ImagePlus> extra = new ArrayList<>();
		for (FitMethod m : methods) {
			String[] names = m.parameterNames(), units = m.parameterUnits();
			String methodInfo = info + "method = " + m.label() + "\nmodel = " + m.formula() + "\n";
			for (int k = 0; k < names.length; k++)
				maps.add(ParameterMaps.build(h, MapNames.mapTitle(source, MapNames.stem(m, names[k]), units[k]),
					h.planes(fit.map(m, k)), names[k], units[k], MapNames.token(names[k]), false, methodInfo));
			if (s.rSquaredMaps) extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, m.prefix() + "_R2", ""),
				h.planes(fit.rSquaredMap(m)), "R²", "", "R2", false, methodInfo));
			if (s.standardErrorMaps) for (int k = 0; k < names.length; k++)
				extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, MapNames.stem(m, names[k]) + "_SE", units[k]),
					h.planes(fit.standardErrorMap(m, k)), "standard error of " + names[k], units[k],
					MapNames.token(names[k]), true, methodInfo));
			if (s.statusMaps) extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, m.prefix() + "_status", ""),
				h.planes(fit.statusMap(m)), "fit status (0 OK, 1 at bound, 2 not converged, 3 invalid input)",
				"", "status", false, methodInfo));
		}
		byte[] modelLabels = null;
		if (s.modelSelection != null) {
			modelLabels = fit.selectModels(s.modelSelection, s.threads, cancelled);
			if (modelLabels == null || cancelled != null && cancelled.getAsBoolean())
				throw new IvimInputException("Fit cancelled (Esc): no maps were made.");
			float[] codes = new float[modelLabels.length];
			for (int v = 0; v < codes.length; v++) codes[v] = modelLabels[v];
			String criterion = s.modelSelection == ModelSelection.Criterion.AICC ? "AICc" : "BIC";
			extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, "model_" + criterion, ""), h.planes(fit.view(codes)),
				"best model by " + criterion + " (0 none, 1 mono, 2 bi-exponential, 3 stretched)", "", "model", false,
				info + "model selection = " + criterion + " among mono (non-linear), free bi-exponential, stretched\n"));
		}
		maps.addAll(extra);
		ImagePlus hyper = s.hyperstack ? ParameterMaps.hyperstack(h, source + "_IVIM_maps", maps) : null;
		IvimResultsTable table = (s.table || s.histogram) && !firstReader.parts().isEmpty()
			? RoiResultsTable.build(h, firstReader, fit, modelLabels) : null;
		ResultsTable table2 = secondReader == null ? null : RoiResultsTable.build(h, secondReader, fit, modelLabels);
		long t3 = System.nanoTime();
		FitMapsResult result = new FitMapsResult(maps, hyper, table, region, fit.results(), t1 - t0 + fit.gatherNanos(),
			fit.fitNanos(), t3 - t2);
		result.secondReaderTable = table2;
		if (s.histogram) {
			LesionHistograms.addColumns(table, h, firstReader, fit);
			result.lesionTable = LesionHistograms.lesionTable(h, firstReader, fit);
		}
		String plotStem = s.histogramPlot.trim();
		if (!plotStem.isEmpty()) result.histogramPlot = LesionHistograms.plot(source + "_histogram_" + plotStem, h,
			firstReader, fit, plotStem).getImagePlus();
		return result;
	}
}

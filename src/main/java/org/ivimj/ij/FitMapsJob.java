package org.ivimj.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.ivimj.fit.ProtocolCheck;
import org.ivimj.fit.BatchFit;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.ModelSelection;
import org.ivimj.fit.VoxelFit;

/**
 * Fits IVIM maps of an image: gathers the region's voxels through ImgLib2 cursors into one array,
 * fits it with {@link BatchFit} on all cores for each method, and scatters the results into maps and
 * the per-ROI table. Reads the image, its ROIs and the ROI Manager; changes none of them. Shows nothing:
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
		List<VoxelFit> fitters = new ArrayList<>();
		for (FitMethod m : methods) {
			try {
				ProtocolCheck.check(m, b, options);
			}
			catch (IllegalArgumentException e) {
				throw new IvimInputException(e.getMessage());
			}
			try {
				// The shrinkage fit starts from free fits, so the free fitter validates its b-values and options.
				fitters.add(Ivim.fitter(m.regionWide() ? FitMethod.BI_FREE : m, b, options));
			}
			catch (IllegalArgumentException e) {
				throw new IvimInputException(m.label() + ": " + e.getMessage());
			}
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
			List<ij.gui.Roi> all = new ArrayList<>();
			List<String> allNames = new ArrayList<>();
			java.util.Set<ij.gui.Roi> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
			for (FitRegion.Part part : firstReader.parts())
				if (seen.add(part.roi)) {
					all.add(part.roi);
					allNames.add(part.name);
				}
			all.addAll(s.secondReaderRois);
			allNames.addAll(names2);
			region = FitRegion.ofRois(h, all, allNames, firstReader.description() + " and the second reader's ROIs");
		}
		float[] signals = h.gather(region.masks(), region.voxelCount());
		double rising = ProtocolCheck.risingFraction(b, signals);
		if (rising > 0.5) ij.IJ.log(String.format(java.util.Locale.ROOT, "IVIM-J warning: the signal rises with b in %.0f%% "
			+ "of the region's voxels: are the b-values in the right order? Check them with Plugins › IVIM › Set b-values...",
			100 * rising));
		long t1 = System.nanoTime();

		Map<FitMethod, BatchResult> fits = new EnumMap<>(FitMethod.class);
		for (int k = 0; k < methods.size(); k++) {
			final int done = k;
			final int total = methods.size();
			BatchFit.Progress p = progress == null ? null : f -> progress.update((done + f) / total);
			BatchResult r;
			try {
				r = methods.get(k) == FitMethod.BI_SPATIAL ? new org.ivimj.fit.SpatialBiexponentialFit(b, options).fit(signals,
					RegionGrid.neighbours(h, region), s.threads, p, cancelled)
					: methods.get(k).regionWide() ? Ivim.fitVoxels(methods.get(k), b, options, signals, s.threads, p, cancelled)
					: BatchFit.fit(fitters.get(k), signals, s.threads, p, cancelled);
			}
			catch (IllegalArgumentException e) {
				throw new IvimInputException(methods.get(k).label() + ": " + e.getMessage());
			}
			if (r.cancelled) throw new IvimInputException("Fit cancelled (Esc): no maps were made.");
			fits.put(methods.get(k), r);
		}
		long t2 = System.nanoTime();

		String source = MapNames.sourceName(imp.getTitle());
		String info = "source = " + imp.getTitle() + "\nb-values (s/mm²) = " + BValueText.format(b)
			+ "\nb dimension = " + h.bDimension().word() + "\nregion = " + region.description() + "\n"
			+ "fitted voxels = " + region.voxelCount() + "\nconvention = D* is the full pseudo-diffusion coefficient;"
			+ " failed fits are NaN\n" + (noiseNote[0] == null ? "" : noiseNote[0] + " (noise-floor-aware fits)\n");
		List<ImagePlus> maps = new ArrayList<>();
		List<ImagePlus> extra = new ArrayList<>();
		Map<FitMethod, float[][][]> planes = new EnumMap<>(FitMethod.class);
		for (FitMethod m : methods) {
			BatchResult r = fits.get(m);
			String[] names = m.parameterNames(), units = m.parameterUnits();
			String methodInfo = info + "method = " + m.label() + "\nmodel = " + model(m) + "\n";
			// Region-wide (Bayesian) fits also keep their posterior SDs for the table, after the parameters.
			float[][][] mp = new float[m.regionWide() ? 2 * names.length : names.length][][];
			if (m.regionWide())
				for (int k = 0; k < names.length; k++) mp[names.length + k] = ParameterMaps.scatter(h, region, r.standardErrors[k]);
			for (int k = 0; k < names.length; k++) {
				mp[k] = ParameterMaps.scatter(h, region, r.parameters[k]);
				String stem = MapNames.stem(m, names[k]);
				maps.add(ParameterMaps.build(h, MapNames.mapTitle(source, stem, units[k]), mp[k], names[k], units[k],
					MapNames.token(names[k]), false, methodInfo));
			}
			planes.put(m, mp);
			if (s.rSquaredMaps) extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, MapNames.prefix(m) + "_R2", ""),
				ParameterMaps.scatter(h, region, r.rSquared), "R²", "", "R2", false, methodInfo));
			if (s.standardErrorMaps) for (int k = 0; k < names.length; k++) {
				String stem = MapNames.stem(m, names[k]) + "_SE";
				extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, stem, units[k]),
					ParameterMaps.scatter(h, region, r.standardErrors[k]), "standard error of " + names[k], units[k],
					MapNames.token(names[k]), true, methodInfo));
			}
			if (s.statusMaps) {
				float[] codes = new float[r.voxelCount];
				for (int v = 0; v < codes.length; v++) codes[v] = r.status[v] < 0 ? Float.NaN : r.status[v];
				extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, MapNames.prefix(m) + "_status", ""),
					ParameterMaps.scatter(h, region, codes), "fit status (0 OK, 1 at bound, 2 not converged, 3 invalid input)",
					"", "status", false, methodInfo));
			}
		}
		float[][] modelLabels = null;
		if (s.modelSelection != null) {
			byte[] labels = ModelSelection.selectVoxels(b, options, s.modelSelection, signals, s.threads, null, cancelled);
			if (cancelled != null && cancelled.getAsBoolean()) throw new IvimInputException("Fit cancelled (Esc): no maps were made.");
			float[] codes = new float[labels.length];
			for (int v = 0; v < codes.length; v++) codes[v] = labels[v];
			modelLabels = ParameterMaps.scatter(h, region, codes);
			String criterion = s.modelSelection == ModelSelection.Criterion.AICC ? "AICc" : "BIC";
			extra.add(ParameterMaps.build(h, MapNames.mapTitle(source, "model_" + criterion, ""), modelLabels,
				"best model by " + criterion + " (0 none, 1 mono, 2 bi-exponential, 3 stretched)", "", "model", false,
				info + "model selection = " + criterion + " among mono (non-linear), free bi-exponential, stretched\n"));
		}
		maps.addAll(extra);
		ImagePlus hyper = s.hyperstack ? ParameterMaps.hyperstack(h, source + "_IVIM_maps", maps) : null;
		IvimResultsTable table = (s.table || s.histogram) && !firstReader.parts().isEmpty()
			? RoiResultsTable.build(h, firstReader, methods, planes, options, modelLabels) : null;
		ResultsTable table2 = secondReader == null ? null
			: RoiResultsTable.build(h, secondReader, methods, planes, options, modelLabels);
		long t3 = System.nanoTime();
		FitMapsResult result = new FitMapsResult(maps, hyper, table, region, fits, t1 - t0, t2 - t1, t3 - t2);
		result.secondReaderTable = table2;
		if (s.histogram) {
			LesionHistograms.addColumns(table, h, firstReader, methods, planes);
			result.lesionTable = LesionHistograms.lesionTable(h, firstReader, methods, planes);
		}
		String plotStem = s.histogramPlot.trim();
		if (!plotStem.isEmpty()) result.histogramPlot = LesionHistograms.plot(source + "_histogram_" + plotStem, h,
			firstReader, methods, planes, plotStem).getImagePlus();
		return result;
	}

	/** The model formula of a method, as printed in image info and plot legends. */
	public static String model(FitMethod m) {
		switch (m) {
			case MONO_LOG_LINEAR:
			case MONO_NONLINEAR: return "S(b) = S0 exp(-b ADC)";
			case BI_SEGMENTED:
			case BI_FREE:
			case BI_SHRINKAGE:
			case BI_SPATIAL: return "S(b) = S0 [(1 - f) exp(-b D) + f exp(-b D*)]";
			case IVIM_KURTOSIS_SEGMENTED:
			case IVIM_KURTOSIS_FREE: return "S(b) = S0 [(1 - f) exp(-b D + b^2 D^2 K/6) + f exp(-b D*)]";
			case MONO_KURTOSIS: return "S(b) = S0 exp(-b D + b^2 D^2 K/6), b >= segmentation threshold";
			default: return "S(b) = S0 exp(-(b DDC)^alpha)";
		}
	}
}

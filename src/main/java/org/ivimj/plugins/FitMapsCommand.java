package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ModelSelection;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.BeforeDialog;
import org.ivimj.ij.DiffusionHyperstack;
import org.ivimj.ij.DeclaredInputs;
import org.ivimj.ij.FitMapsJob;
import org.ivimj.ij.FitMapsResult;
import org.ivimj.ij.FitMapsSettings;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.LesionHistograms;
import org.ivimj.ij.CalibrationBars;
import org.ivimj.ij.NoiseSource;
import org.ivimj.ij.RegionChoice;
import org.ivimj.ij.RoiSets;
import org.ivimj.ij.UserPaths;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Fit IVIM Maps...: fits the chosen methods in every voxel of the region (ROIs, the
 * selection, or voxels above a background threshold), makes a 32-bit map per parameter (by default as
 * one {@code <source>_IVIM_maps} hyperstack, a named channel per map) and a results table with a row
 * per ROI and slice. Macro: {@code run("Fit IVIM Maps...", "mono segmented free stretched
 * region=[ROI Manager (all)] table");} script: {@code command.run(FitMapsCommand.class, true, "image",
 * imp, "free", true, "region", "whole image")}. Every key is listed in docs/fiji-commands.md.
 */
@Plugin(type = Command.class, label = "Fit IVIM Maps...", description = "IVIM parameter maps and per-ROI results",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## Fit IVIM Maps..."))
public class FitMapsCommand implements Command, BeforeDialog {

	private static final String METHODS = "Methods", OUTPUTS = "Outputs", BOUNDS = "Bounds (diffusivities in mm²/s)",
		FITS = "Fits";
	/** The fit options' defaults: declared once, in {@link FitOptions}. */
	private static final FitOptions DEFAULTS = new FitOptions();
	static final String ONE_HYPERSTACK = "one hyperstack", SINGLE_IMAGES = "single images";

	@Parameter(label = "Diffusion series (one plane per b-value)", required = false, persist = false)
	public ImagePlus image;
	@Parameter(label = "ROIs to fit (scripts; else the region option decides)", required = false, persist = false)
	public Roi[] rois;

	@Parameter(label = "mono: ADC, weighted log-linear", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean mono = true;
	@Parameter(label = "mono_nonlinear: ADC, non-linear", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean mono_nonlinear;
	@Parameter(label = "segmented: bi-exponential, two-step", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean segmented = true;
	@Parameter(label = "free: bi-exponential, all parameters", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean free = true;
	@Parameter(label = "stretched: stretched exponential", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean stretched = true;
	@Parameter(label = "shrinkage: bi-exponential, Bayesian over the region", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean shrinkage;
	@Parameter(label = "kurtosis_segmented: IVIM-kurtosis, two-step", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean kurtosis_segmented;
	@Parameter(label = "kurtosis_free: IVIM-kurtosis, five parameters", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean kurtosis_free;
	@Parameter(label = "kurtosis_mono: DKI without perfusion", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean kurtosis_mono;
	@Parameter(label = "spatial: bi-exponential, neighbours pulled together", attrs = @Attr(name = "group", value = METHODS), persist = false)
	public boolean spatial;

	@Parameter(label = "Best model per voxel (model selection)", choices = {"off", "AICc", "BIC"}, persist = false)
	public String model_selection = "off";
	@Parameter(label = "Voxels to fit (region)", choices = {"automatic", "ROI Manager (all)", "ROI Manager (selected)",
		"selection", "threshold", "whole image"}, persist = false)
	public String region = "automatic";
	@Parameter(label = "Background threshold on the lowest b (auto or a value)", attrs = @Attr(name = "columns", value = "8"),
		persist = false)
	public String background = "auto";
	@Parameter(label = "ROI set file instead of the ROI Manager (RoiSet.zip; optional)", style = "file", required = false,
		persist = false)
	public String roi_set = "";

	@Parameter(label = "Maps as", choices = {ONE_HYPERSTACK, SINGLE_IMAGES}, attrs = @Attr(name = "alias", value = "hyperstack"),
		persist = false)
	public String maps = ONE_HYPERSTACK;
	@Parameter(label = "r2_maps: goodness of fit (R²)", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean r2_maps;
	@Parameter(label = "standard_error_maps: a standard error per parameter", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean standard_error_maps;
	@Parameter(label = "status_maps: fit status per voxel", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean status_maps;
	@Parameter(label = "calibration_bar on every map", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean calibration_bar;
	@Parameter(label = "table: a row per ROI and slice", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean table = true;
	@Parameter(label = "histogram: whole-lesion histogram features", attrs = @Attr(name = "group", value = OUTPUTS), persist = false)
	public boolean histogram;
	@Parameter(label = "Histogram plot of (e.g. bifree_D; optional)", required = false, attrs = @Attr(name = "columns", value = "12"),
		persist = false)
	public String histogram_plot = "";
	@Parameter(label = "Second reader's ROI set (RoiSet.zip; optional)", style = "file", required = false, persist = false)
	public String reader2 = "";

	@Parameter(label = "Segmentation threshold: b above which perfusion has decayed", min = "0",
		attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS), @Attr(name = "units", value = "s/mm²")},
		persist = false)
	public double segmentation_threshold = DEFAULTS.segmentationThreshold();
	@Parameter(label = "f (perfusion fraction) from", min = "0", max = "1", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS)}, persist = false)
	public double f_min = DEFAULTS.fMin();
	@Parameter(label = "to", min = "0", max = "1", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same")}, persist = false)
	public double f_max = DEFAULTS.fMax();
	@Parameter(label = "D (tissue diffusion) from", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double d_min = DEFAULTS.dMin();
	@Parameter(label = "to", min = "0", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same"), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double d_max = DEFAULTS.dMax();
	@Parameter(label = "D* (pseudo-diffusion) from", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double dstar_min = DEFAULTS.dStarMin();
	@Parameter(label = "to", min = "0", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same"), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double dstar_max = DEFAULTS.dStarMax();
	@Parameter(label = "ADC (mono) from", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double adc_min = DEFAULTS.adcMin();
	@Parameter(label = "to", min = "0", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same"), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double adc_max = DEFAULTS.adcMax();
	@Parameter(label = "DDC (stretched) from", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double ddc_min = DEFAULTS.ddcMin();
	@Parameter(label = "to", min = "0", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same"), @Attr(name = "units", value = "mm²/s")}, persist = false)
	public double ddc_max = DEFAULTS.ddcMax();
	@Parameter(label = "α (stretching) from", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = BOUNDS)}, persist = false)
	public double alpha_min = DEFAULTS.alphaMin();
	@Parameter(label = "to", min = "0", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same")}, persist = false)
	public double alpha_max = DEFAULTS.alphaMax();
	@Parameter(label = "K (kurtosis) from", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS)},
		persist = false)
	public double k_min = DEFAULTS.kMin();
	@Parameter(label = "to", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = BOUNDS),
		@Attr(name = "row", value = "same")}, persist = false)
	public double k_max = DEFAULTS.kMax();

	@Parameter(label = "b-values for mono (all, or e.g. 0,800)", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = FITS), @Attr(name = "alias", value = "mono_b-values"), @Attr(name = "columns", value = "12")},
		persist = false)
	public String mono_bvalues = "all";
	@Parameter(label = "segmented_s0_f: the segmented fit's last step also fits S0 and f", attrs = {
		@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = FITS)}, persist = false)
	public boolean segmented_s0_f = DEFAULTS.segmentedFitsS0AndF();
	@Parameter(label = "Noise σ (off, a value, background or b0)", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = FITS), @Attr(name = "columns", value = "10")}, persist = false)
	public String noise_sigma = "off";
	@Parameter(label = "Iterations at most", min = "1", max = "1000000", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = FITS), @Attr(name = "row", value = "same")}, persist = false)
	public int max_iterations = DEFAULTS.maxIterations();
	@Parameter(label = "Gaussians in the shrinkage prior (>1 for mixed tissues)", min = "1", max = "8", attrs = {
		@Attr(name = "advanced", value = "true"), @Attr(name = "group", value = FITS)}, persist = false)
	public int prior_components = DEFAULTS.priorComponents();
	@Parameter(label = "Spatial weight (neighbour prior; 0 = free fit)", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = FITS)}, persist = false)
	public double spatial_weight = DEFAULTS.spatialWeight();
	@Parameter(label = "edge scale (noise units)", min = "0", attrs = {@Attr(name = "advanced", value = "true"),
		@Attr(name = "group", value = FITS), @Attr(name = "row", value = "same")}, persist = false)
	public double spatial_edge = DEFAULTS.spatialEdge();

	@Parameter(type = ItemIO.OUTPUT, label = "IVIM maps")
	public ImagePlus maps_hyperstack;
	@Parameter(type = ItemIO.OUTPUT, label = "IVIM map images")
	public ImagePlus[] map_images;
	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	public ResultsTable results;
	@Parameter(type = ItemIO.OUTPUT, label = SECOND_READER_TITLE)
	public ResultsTable second_reader;
	@Parameter(type = ItemIO.OUTPUT, label = ReaderCombinationCommand.TITLE)
	public ResultsTable readers;
	@Parameter(type = ItemIO.OUTPUT, label = LesionHistograms.TITLE)
	public ResultsTable lesions;
	@Parameter(type = ItemIO.OUTPUT, label = "Histogram plot")
	public ImagePlus histogram_image;

	/** Title of the second reader's ROI table. */
	public static final String SECOND_READER_TITLE = "IVIM Second Reader";

	@Override
	public void check() {
		if (image == null) throw new IvimInputException("No image is open: open a diffusion series (one image per "
			+ "b-value) first, or make the example with Plugins › IVIM › IVIM Phantom...");
		DiffusionHyperstack.of(image);
	}

	@Override
	public void run() {
		DeclaredInputs.check(this, "Fit IVIM Maps");
		check();
		FitMapsSettings s = settings();
		long t0 = System.nanoTime();
		FitMapsResult r = FitMapsJob.run(image, s, IJ::showProgress, IJ::escapePressed);
		// Everything that can still be refused is made before anything is handed out: a refused command
		// leaves the user's Results table and windows as they were.
		ResultsTable[] both = r.secondReaderTable != null && r.table != null ? readers(r.table, r.secondReaderTable) : null;
		if (calibration_bar) for (ImagePlus m : r.hyperstack != null ? List.of(r.hyperstack) : r.maps) CalibrationBars.add(m);
		maps_hyperstack = r.hyperstack;
		map_images = r.hyperstack == null ? r.maps.toArray(new ImagePlus[0]) : null;
		results = r.table;
		if (both != null) {
			second_reader = both[0];
			readers = both[1];
		}
		lesions = r.lesionTable;
		histogram_image = r.histogramPlot;
		IJ.showStatus(String.format("IVIM-J: %d voxels, %d method(s) in %.2f s", r.region.voxelCount(), s.methods.size(),
			(System.nanoTime() - t0) / 1e9));
	}

	/** The job's settings from the inputs. */
	FitMapsSettings settings() {
		FitMapsSettings s = new FitMapsSettings();
		s.methods = EnumSet.noneOf(FitMethod.class);
		boolean[] on = {mono, mono_nonlinear, segmented, free, stretched, shrinkage, kurtosis_segmented, kurtosis_free,
			kurtosis_mono, spatial};
		FitMethod[] order = {FitMethod.MONO_LOG_LINEAR, FitMethod.MONO_NONLINEAR, FitMethod.BI_SEGMENTED, FitMethod.BI_FREE,
			FitMethod.STRETCHED, FitMethod.BI_SHRINKAGE, FitMethod.IVIM_KURTOSIS_SEGMENTED, FitMethod.IVIM_KURTOSIS_FREE,
			FitMethod.MONO_KURTOSIS, FitMethod.BI_SPATIAL};
		for (int i = 0; i < on.length; i++) if (on[i]) s.methods.add(order[i]);
		s.modelSelection = model_selection.equals("AICc") ? ModelSelection.Criterion.AICC
			: model_selection.equals("BIC") ? ModelSelection.Criterion.BIC : null;
		s.region = RegionChoice.parse(region);
		s.threshold = parseThreshold(background);
		if (rois != null && rois.length > 0) s.rois = Arrays.asList(rois);
		else if (!roi_set.trim().isEmpty()) s.rois = RoiSets.read(UserPaths.of(roi_set, "roi_set"));
		s.rSquaredMaps = r2_maps;
		s.standardErrorMaps = standard_error_maps;
		s.statusMaps = status_maps;
		s.hyperstack = maps.equals(ONE_HYPERSTACK);
		s.table = table;
		s.histogram = histogram;
		s.histogramPlot = histogram_plot.trim();
		s.options.segmentationThreshold(segmentation_threshold).fBounds(f_min, f_max).dBounds(d_min, d_max)
			.dStarBounds(dstar_min, dstar_max).adcBounds(adc_min, adc_max).ddcBounds(ddc_min, ddc_max)
			.alphaBounds(alpha_min, alpha_max).kBounds(k_min, k_max);
		String monoB = mono_bvalues.trim();
		if (!monoB.isEmpty() && !monoB.equalsIgnoreCase("all")) s.options.monoBValues(BValueText.parseList(monoB));
		s.options.segmentedFitsS0AndF(segmented_s0_f);
		s.noise = NoiseSource.parse(noise_sigma);
		s.options.maxIterations(max_iterations).priorComponents(prior_components);
		s.options.spatialWeight(spatial_weight).spatialEdge(spatial_edge);
		if (!reader2.trim().isEmpty()) s.secondReaderRois = RoiSets.read(UserPaths.of(reader2, "reader2"));
		return s;
	}

	/**
	 * Both readers' ROI tables matched by ROI name (and slice, where an ROI spans several) into
	 * {@link ReaderCombinationCommand#TITLE}: per column of ROI means and ROI-mean-signal fits, the
	 * readers' mean under the column's name and each reader's value ({@code _R1}, {@code _R2}), as the
	 * seed paper measured; the second reader's own table is the first element (kept as
	 * {@value #SECOND_READER_TITLE}), the combined table the second. Throws for readers that cannot be matched.
	 */
	static ResultsTable[] readers(ResultsTable first, ResultsTable second) {
		ResultsTable a = keyed(first), b = keyed(second);
		List<String> params = new ArrayList<>();
		for (String h : a.getHeadings())
			if (h != null && (h.endsWith("_mean") || h.endsWith("_roifit")) && b.columnExists(h)) params.add(h);
		return new ResultsTable[] {b, ReaderTables.combine(a, "reader 1", b, "reader 2", "Lesion", params)};
	}

	/** A copy with a "Lesion" key: the ROI name, plus " (slice z)" where the ROI has rows on several slices. */
	private static ResultsTable keyed(ResultsTable rt) {
		ResultsTable out = (ResultsTable) rt.clone();
		Map<String, Integer> count = new HashMap<>();
		for (int i = 0; i < rt.size(); i++) count.merge(rt.getStringValue("ROI", i), 1, Integer::sum);
		for (int i = 0; i < rt.size(); i++) {
			String name = rt.getStringValue("ROI", i);
			out.setValue("Lesion", i, count.get(name) > 1 ? name + " (slice " + (int) rt.getValue("Slice", i) + ")" : name);
		}
		return out;
	}

	static double parseThreshold(String text) {
		String t = text.trim();
		if (t.isEmpty() || t.equalsIgnoreCase("auto") || t.equalsIgnoreCase("automatic")) return Double.NaN;
		try {
			double v = Double.parseDouble(t);
			if (Double.isNaN(v)) throw new NumberFormatException();
			return v;
		}
		catch (NumberFormatException e) {
			throw new IvimInputException("Background threshold \"" + text + "\" is neither auto nor a number: "
				+ "give background=auto or e.g. background=100.");
		}
	}
}

package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import java.util.EnumSet;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ModelSelection;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.FitMapsJob;
import org.ivimj.ij.FitMapsResult;
import org.ivimj.ij.FitMapsSettings;
import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.NoiseSource;
import org.ivimj.ij.RoiSets;
import org.ivimj.ij.IvimTables;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import org.ivimj.ij.OptionsDialog;
import org.ivimj.ij.RegionChoice;

/**
 * Plugins › IVIM › Fit IVIM Maps...: fits the chosen methods in every voxel of the region (ROI Manager
 * ROIs, the selection, or voxels above a background threshold), makes a 32-bit map per parameter and
 * fills the Results table with a row per ROI and slice. Esc cancels. Macro, e.g.:
 * {@code run("Fit IVIM Maps...", "mono segmented free stretched region=[ROI Manager (all)] table");}
 * Every key is listed in docs/fiji-commands.md.
 */
public class FitMapsCommand implements PlugIn {

	@Override
	public void run(String arg) {
		try {
			ImagePlus imp = WindowManager.getCurrentImage();
			FitMapsSettings s = ask(imp);
			if (s == null) return;
			IJ.resetEscape();
			long t0 = System.nanoTime();
			FitMapsResult r = FitMapsJob.run(imp, s, IJ::showProgress, IJ::escapePressed);
			IJ.showProgress(1.0);
			// Everything that can still be refused is made before anything is shown: a refused command
			// leaves the user's Results table and windows as they were.
			ResultsTable[] readers = r.secondReaderTable != null && r.table != null ? readers(r.table, r.secondReaderTable) : null;
			if (r.hyperstack != null) ImageJOutput.show(r.hyperstack);
			else for (ImagePlus m : r.maps) ImageJOutput.show(m);
			if (r.table != null) ImageJOutput.showResults(r.table);
			if (readers != null) {
				IvimTables.publish(readers[0], SECOND_READER_TITLE, "");
				IvimTables.publish(readers[1], ReaderCombinationCommand.TITLE, "");
			}
			if (r.lesionTable != null) IvimTables.publish(r.lesionTable, org.ivimj.ij.LesionHistograms.TITLE, "");
			if (r.histogramPlot != null) ImageJOutput.show(r.histogramPlot);
			IJ.showStatus(String.format("IVIM-J: %d voxels, %d method(s) in %.2f s", r.region.voxelCount(),
				s.methods.size(), (System.nanoTime() - t0) / 1e9));
		}
		catch (IvimInputException e) {
			IJ.showProgress(1.0);
			ImageJOutput.error(e.getMessage());
		}
		catch (OutOfMemoryError e) {
			IJ.showProgress(1.0);
			ImageJOutput.error(ImageJOutput.OUT_OF_MEMORY);
		}
		catch (NoClassDefFoundError e) {
			// Plain ImageJ with only IVIM-J's jar: ImageJ would report nothing visible in a -batch run.
			IJ.showProgress(1.0);
			ImageJOutput.error("IVIM-J needs ImgLib2, SciJava Common and Commons Math, which Fiji ships: in plain ImageJ "
				+ "copy their jars into the plugins/jars folder (missing: " + e.getMessage() + ").");
		}
	}

	/** Shows the dialog (or reads macro options); null if cancelled. */
	/** The command's section of the documentation (the dialogs' Help button). */
	static final String HELP = HelpPages.url("Fit IVIM Maps...");

	static FitMapsSettings ask(ImagePlus imp) {
		if (imp == null) throw new IvimInputException("No image is open: open a diffusion series (one image per "
			+ "b-value) first, or make the example with Plugins › IVIM › IVIM Phantom...");
		FitMapsSettings d = new FitMapsSettings();
		FitOptions o = d.options;
		// Main choices in one dialog that fits a 1366 × 768 screen; bounds, thresholds and rare options in a
		// second one (shown on request; a macro sets both with the same keys on one line).
		OptionsDialog adv = new OptionsDialog("Fit IVIM Maps: advanced options");
		adv.addMessage("Bounds (diffusivities in mm²/s)");
		adv.addNumericField("segmentation_threshold (b above which perfusion has decayed)", o.segmentationThreshold(), 0, 6, "s/mm²");
		adv.addNumericField("f_min (perfusion fraction)", o.fMin(), 3, 8, "");
		adv.addToSameRow();
		adv.addNumericField("f_max", o.fMax(), 3, 8, "");
		adv.addNumericField("d_min (D, tissue diffusion)", o.dMin(), 5, 8, "mm²/s");
		adv.addToSameRow();
		adv.addNumericField("d_max", o.dMax(), 5, 8, "mm²/s");
		adv.addNumericField("dstar_min (D*, pseudo-diffusion)", o.dStarMin(), 5, 8, "mm²/s");
		adv.addToSameRow();
		adv.addNumericField("dstar_max", o.dStarMax(), 5, 8, "mm²/s");
		adv.addNumericField("adc_min (mono ADC)", o.adcMin(), 5, 8, "mm²/s");
		adv.addToSameRow();
		adv.addNumericField("adc_max", o.adcMax(), 5, 8, "mm²/s");
		adv.addNumericField("ddc_min (stretched DDC)", o.ddcMin(), 5, 8, "mm²/s");
		adv.addToSameRow();
		adv.addNumericField("ddc_max", o.ddcMax(), 5, 8, "mm²/s");
		adv.addNumericField("alpha_min (stretching)", o.alphaMin(), 3, 8, "");
		adv.addToSameRow();
		adv.addNumericField("alpha_max", o.alphaMax(), 3, 8, "");
		adv.addNumericField("k_min (kurtosis K)", o.kMin(), 3, 8, "");
		adv.addToSameRow();
		adv.addNumericField("k_max", o.kMax(), 3, 8, "");
		adv.addMessage("Fits");
		adv.addStringField("mono_b-values (all, or e.g. 0,800)", "all", 12);
		adv.addCheckbox("segmented_s0_f (segmented fit's last step also fits S0 and f)", o.segmentedFitsS0AndF());
		adv.addStringField("noise_sigma (off, a value, background or b0)", "off", 10);
		adv.addToSameRow();
		adv.addNumericField("max_iterations", o.maxIterations(), 0, 6, "");
		adv.addNumericField("prior_components (Gaussians in the shrinkage prior; >1 for mixed tissues)", 1, 0, 3, "");
		adv.addNumericField("spatial_weight (strength of the neighbour prior; 0 = free fit)", o.spatialWeight(), 2, 6, "");
		adv.addToSameRow();
		adv.addNumericField("spatial_edge (edge scale, noise units)", o.spatialEdge(), 2, 6, "");
		adv.addHelp(HELP);

		OptionsDialog gd = new OptionsDialog("Fit IVIM Maps");
		gd.addMessage("Methods");
		gd.addCheckboxGroup(6, 2, new String[] {"mono (ADC, weighted log-linear)", "mono_nonlinear (ADC, non-linear)",
			"segmented (bi-exponential, two-step)", "free (bi-exponential, all parameters)", "stretched (exponential)",
			"shrinkage (bi-exponential, Bayesian over the region)", "kurtosis_segmented (IVIM-kurtosis, two-step)",
			"kurtosis_free (IVIM-kurtosis, all five parameters)", "kurtosis_mono (DKI without perfusion)",
			"spatial (bi-exponential, neighbours pulled together)"},
			new boolean[] {true, false, true, true, true, false, false, false, false, false});
		gd.addChoice("model_selection (best model per voxel)", new String[] {"off", "AICc", "BIC"}, "off");
		gd.addChoice("region (voxels to fit)", RegionChoice.labels(), RegionChoice.AUTOMATIC.label());
		gd.addStringField("background (threshold on lowest b; auto or a value)", "auto", 8);
		gd.addMessage("Outputs");
		gd.addCheckboxGroup(3, 2, new String[] {"r2_maps (goodness of fit)", "standard_error_maps",
			"status_maps (fit status per voxel)", "hyperstack (one image, a channel per map)",
			"table (Results: a row per ROI and slice)", "histogram (whole-lesion histogram features)"},
			new boolean[] {false, false, false, false, true, false});
		gd.addStringField("histogram_plot (parameter to plot per lesion, e.g. bifree_D)", "", 12);
		gd.addStringField("reader2 (second reader's RoiSet.zip)", "", 24);
		gd.addCheckbox("advanced (bounds, thresholds, noise, iterations: a second dialog)", false);
		gd.addHelp(HELP);
		gd.acceptAlso(adv.keys());
		adv.acceptAlso(gd.keys());
		if (!gd.show()) return null;

		FitMapsSettings s = new FitMapsSettings();
		s.methods = EnumSet.noneOf(FitMethod.class);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.MONO_LOG_LINEAR);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.MONO_NONLINEAR);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.BI_SEGMENTED);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.BI_FREE);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.STRETCHED);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.BI_SHRINKAGE);
		for (FitMethod m : FitMethod.kurtosis())
			if (gd.getNextBoolean()) s.methods.add(m);
		if (gd.getNextBoolean()) s.methods.add(FitMethod.BI_SPATIAL);
		String selection = gd.getNextChoice();
		s.modelSelection = selection.equalsIgnoreCase("AICc") ? ModelSelection.Criterion.AICC
			: selection.equalsIgnoreCase("BIC") ? ModelSelection.Criterion.BIC : null;
		s.region = RegionChoice.parse(gd.getNextChoice());
		s.threshold = parseThreshold(gd.getNextString());
		s.rSquaredMaps = gd.getNextBoolean();
		s.standardErrorMaps = gd.getNextBoolean();
		s.statusMaps = gd.getNextBoolean();
		s.hyperstack = gd.getNextBoolean();
		s.table = gd.getNextBoolean();
		s.histogram = gd.getNextBoolean();
		s.histogramPlot = gd.getNextString().trim();
		String reader2 = gd.getNextString().trim();
		boolean advanced = gd.getNextBoolean();
		// A macro sets the advanced keys on the same line; with the GUI the dialog opens on request. Not shown,
		// its fields hold their defaults.
		if ((advanced || adv.fromMacro() || adv.isHeadless()) && !adv.show()) return null;
		s.options.segmentationThreshold(adv.getNextNumber());
		s.options.fBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.dBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.dStarBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.adcBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.ddcBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.alphaBounds(adv.getNextNumber(), adv.getNextNumber());
		s.options.kBounds(adv.getNextNumber(), adv.getNextNumber());
		String mono = adv.getNextString().trim();
		if (!mono.isEmpty() && !mono.equalsIgnoreCase("all")) s.options.monoBValues(BValueText.parseList(mono));
		s.options.segmentedFitsS0AndF(adv.getNextBoolean());
		s.noise = NoiseSource.parse(adv.getNextString());
		double iterations = adv.getNextNumber();
		if (!(iterations >= 1 && iterations <= 1e6)) throw new IvimInputException("max_iterations=" + iterations
			+ ": give a whole number from 1 to 1000000.");
		s.options.maxIterations((int) iterations);
		double components = adv.getNextNumber();
		if (!(components >= 1 && components <= 8 && components == Math.rint(components)))
			throw new IvimInputException("prior_components=" + components + ": give a whole number from 1 to 8.");
		s.options.priorComponents((int) components);
		s.options.spatialWeight(adv.getNextNumber()).spatialEdge(adv.getNextNumber());
		if (!reader2.isEmpty()) s.secondReaderRois = RoiSets.read(org.ivimj.ij.UserPaths.of(reader2, "reader2"));
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

	/** Title of the second reader's ROI table. */
	public static final String SECOND_READER_TITLE = "IVIM Second Reader";

	/** A copy with a "Lesion" key: the ROI name, plus " (slice z)" where the ROI has rows on several slices. */
	private static ResultsTable keyed(ResultsTable rt) {
		ResultsTable out = (ResultsTable) rt.clone();
		java.util.Map<String, Integer> count = new java.util.HashMap<>();
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

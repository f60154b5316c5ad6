package org.ivimj.ij;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ModelSelection;

import java.util.EnumSet;
import java.util.Set;

/** What Fit IVIM Maps should do; each field is one dialog option and macro key (see docs/fiji-commands.md). */
public final class FitMapsSettings {

	public Set<FitMethod> methods = EnumSet.of(FitMethod.MONO_LOG_LINEAR, FitMethod.BI_SEGMENTED,
		FitMethod.BI_FREE, FitMethod.STRETCHED);
	public RegionChoice region = RegionChoice.AUTOMATIC;
	/** ROIs to fit, given by a script; when set, they are the region and {@link #region} is not used. */
	public java.util.List<ij.gui.Roi> rois;
	/** Background threshold on the lowest-b image; NaN = automatic (Otsu). */
	public double threshold = Double.NaN;
	public FitOptions options = new FitOptions();
	public boolean rSquaredMaps;
	public boolean standardErrorMaps;
	public boolean statusMaps;
	public boolean hyperstack;
	/** Where σ for noise-floor-aware and shrinkage fits comes from (overrides options.noiseSigma unless off). */
	public NoiseSource noise = NoiseSource.parse("off");
	/** Per-voxel model selection among mono, bi-exponential and stretched; null = off. */
	public ModelSelection.Criterion modelSelection;
	/** Fill ImageJ's Results table with a row per ROI and position. */
	public boolean table = true;
	/**
	 * A second reader's ROIs (e.g. from their RoiSet.zip), fitted too and summarised in a table of
	 * their own; null for one reader.
	 */
	public java.util.List<ij.gui.Roi> secondReaderRois;

	/** Whole-lesion histogram features: columns of the ROI table (implies it) and the per-lesion table. */
	public boolean histogram;
	/** Stem of the parameter whose per-lesion histograms to plot (e.g. "bifree_D"); empty for none. */
	public String histogramPlot = "";

	/** Worker threads; all processors by default. */
	public int threads = Runtime.getRuntime().availableProcessors();
}

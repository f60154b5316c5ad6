package org.ivimj.fit;

import java.util.function.BooleanSupplier;

import org.ivimj.model.BiExponentialModel;
import org.ivimj.model.IvimKurtosisModel;
import org.ivimj.model.MonoExponentialModel;
import org.ivimj.model.MonoKurtosisModel;
import org.ivimj.model.SignalModel;
import org.ivimj.model.StretchedExponentialModel;

/**
 * The fit methods IVIM-J offers. Each method is one object carrying everything the rest of the code
 * needs to know about it: its signal model and formula, the names and units of its parameters, its
 * output prefix, what it fits at once (one voxel, a region's population, or a region on its grid),
 * how it checks a protocol and how it builds its fitter. Nothing else switches over methods.
 * Parameter names and prefixes are used as map titles and results-table column stems, so they are fixed.
 */
public enum FitMethod {
	/** Mono-exponential, signal-weighted log-linear least squares. */
	MONO_LOG_LINEAR("mono (weighted log-linear)", "mono", Formula.MONO, Scope.VOXEL, ProtocolCheck::checkMono,
		MonoExponentialFit::new),
	/** Mono-exponential, non-linear least squares. */
	MONO_NONLINEAR("mono (non-linear)", "mononl", Formula.MONO, Scope.VOXEL, ProtocolCheck::checkMono,
		MonoExponentialFit::new),
	/** Bi-exponential, segmented (two-step) fit. */
	BI_SEGMENTED("bi-exponential (segmented)", "biseg", Formula.BI, Scope.VOXEL, ProtocolCheck::checkSegmented,
		(m, b, o) -> new SegmentedBiexponentialFit(b, o)),
	/** Bi-exponential, free bounded fit of all four parameters. */
	BI_FREE("bi-exponential (free)", "bifree", Formula.BI, Scope.VOXEL, ProtocolCheck::checkParameters,
		(m, b, o) -> new FreeBiexponentialFit(b, o)),
	/** Stretched-exponential, bounded non-linear fit. */
	STRETCHED("stretched-exponential", "stretched", Formula.STRETCHED, Scope.VOXEL, ProtocolCheck::checkParameters,
		(m, b, o) -> new StretchedExponentialFit(b, o)),
	/**
	 * Bi-exponential, Bayesian shrinkage over a whole region ({@link ShrinkageBiexponentialFit}):
	 * fits many voxels together, so it has no single-voxel {@link VoxelFit}; its standard errors are
	 * posterior SDs.
	 */
	BI_SHRINKAGE("bi-exponential (Bayesian shrinkage)", "bayes", Formula.BI, Scope.POPULATION, ProtocolCheck::checkParameters,
		(m, b, o) -> {
			throw new IllegalArgumentException(m.label() + " fits a whole region at once: use Ivim.fitVoxels "
				+ "or ShrinkageBiexponentialFit, or the free fit for a single signal.");
		}),
	/**
	 * IVIM with kurtosis S0 [(1 − f) exp(−bD + b²D²K/6) + f exp(−bD*)], segmented: D, K and the tissue
	 * intercept from the b-values ≥ the threshold ({@link MonoKurtosisFit}), S0 from b = 0, then D*
	 * ({@link IvimKurtosisFit}). Needs b-values up to at least {@value MonoKurtosisFit#MIN_MAX_B} s/mm².
	 */
	IVIM_KURTOSIS_SEGMENTED("IVIM-kurtosis (segmented)", "kurtseg", Formula.IVIM_KURTOSIS, Scope.VOXEL,
		ProtocolCheck::checkParameters, (m, b, o) -> new IvimKurtosisFit(b, o, false)),
	/** IVIM with kurtosis, all five parameters free (bounded), started from the segmented fit. */
	IVIM_KURTOSIS_FREE("IVIM-kurtosis (free)", "kurtfree", Formula.IVIM_KURTOSIS, Scope.VOXEL,
		ProtocolCheck::checkParameters, (m, b, o) -> new IvimKurtosisFit(b, o, true)),
	/**
	 * Diffusion kurtosis without perfusion, S0 exp(−bD + b²D²K/6), on the b-values ≥ the segmentation
	 * threshold only (S0 is then the tissue intercept S0 (1 − f)).
	 */
	MONO_KURTOSIS("mono-kurtosis (DKI, b ≥ threshold)", "dki", Formula.MONO_KURTOSIS, Scope.VOXEL,
		ProtocolCheck::checkParameters, (m, b, o) -> new MonoKurtosisFit(b, o)),
	/**
	 * Bi-exponential, spatially regularised ({@link SpatialBiexponentialFit}): an edge-preserving
	 * Markov-random-field prior pulls touching voxels' (logit f, ln D, ln D*) together. Fits a region on
	 * its grid, so it needs the voxels' neighbours: Fit IVIM Maps, the region-fit pipeline, or
	 * SpatialBiexponentialFit with {@link Neighbours}.
	 */
	BI_SPATIAL("bi-exponential (spatially regularised)", "spatial", Formula.BI, Scope.GRID, ProtocolCheck::checkParameters,
		(m, b, o) -> {
			throw new IllegalArgumentException(m.label() + " fits a region on its voxel grid: use "
				+ "SpatialBiexponentialFit with the region's Neighbours (or Fit IVIM Maps), or the free fit for a single signal.");
		});

	/** What a method fits at once. */
	public enum Scope {
		/** Each voxel on its own ({@link VoxelFit}). */
		VOXEL,
		/** A region's voxels together as one population (no neighbourhood). */
		POPULATION,
		/** A region's voxels together on their image grid (needs {@link Neighbours}). */
		GRID
	}

	/** A model with its parameters' names and units, and the formula printed in image info and legends. */
	private enum Formula {
		MONO(MonoExponentialModel.INSTANCE, "S(b) = S0 exp(-b ADC)", new String[] {"S0", "ADC"}, new String[] {"a.u.", "mm²/s"}, false,
			true),
		BI(BiExponentialModel.INSTANCE, "S(b) = S0 [(1 - f) exp(-b D) + f exp(-b D*)]", new String[] {"S0", "f", "D", "D*"},
			new String[] {"a.u.", "", "mm²/s", "mm²/s"}, false, false),
		STRETCHED(StretchedExponentialModel.INSTANCE, "S(b) = S0 exp(-(b DDC)^alpha)", new String[] {"S0", "DDC", "alpha"},
			new String[] {"a.u.", "mm²/s", ""}, false, false),
		IVIM_KURTOSIS(IvimKurtosisModel.INSTANCE, "S(b) = S0 [(1 - f) exp(-b D + b^2 D^2 K/6) + f exp(-b D*)]",
			new String[] {"S0", "f", "D", "D*", "K"}, new String[] {"a.u.", "", "mm²/s", "mm²/s", ""}, false, false),
		MONO_KURTOSIS(MonoKurtosisModel.INSTANCE, "S(b) = S0 exp(-b D + b^2 D^2 K/6), b >= segmentation threshold",
			new String[] {"S0", "D", "K"}, new String[] {"a.u.", "mm²/s", ""}, true, false);

		final SignalModel model;
		final String text;
		final String[] names, units;
		/** Whether the fit sees only the b-values at and above the segmentation threshold. */
		final boolean highBOnly;
		/** Whether the fit sees only the mono-exponential b-values of the options (a subset or a range). */
		final boolean monoBValues;

		Formula(SignalModel model, String text, String[] names, String[] units, boolean highBOnly, boolean monoBValues) {
			this.model = model;
			this.text = text;
			this.names = names;
			this.units = units;
			this.highBOnly = highBOnly;
			this.monoBValues = monoBValues;
		}
	}

	/** Builds a method's single-voxel fitter (or refuses, for region methods). */
	interface FitterFactory {
		VoxelFit create(FitMethod method, double[] bValues, FitOptions options);
	}

	/** Throws IllegalArgumentException saying what is missing when a protocol cannot be fitted by a method. */
	interface ProtocolRule {
		void check(FitMethod method, ProtocolCheck.Protocol protocol, FitOptions options);
	}

	private static final FitMethod[] VOXELWISE = {MONO_LOG_LINEAR, MONO_NONLINEAR, BI_SEGMENTED, BI_FREE, STRETCHED};

	/** The methods that fit each voxel on its own on any protocol (every method but the region ones and {@link #kurtosis()}). */
	public static FitMethod[] voxelwise() {
		return VOXELWISE.clone();
	}

	private static final FitMethod[] KURTOSIS = {IVIM_KURTOSIS_SEGMENTED, IVIM_KURTOSIS_FREE, MONO_KURTOSIS};

	/**
	 * The voxel-wise kurtosis methods, apart from {@link #voxelwise()} because they need b-values up
	 * to at least {@value MonoKurtosisFit#MIN_MAX_B} s/mm² (their fitters refuse other protocols).
	 */
	public static FitMethod[] kurtosis() {
		return KURTOSIS.clone();
	}

	private final String label, prefix;
	private final Formula formula;
	private final Scope scope;
	private final ProtocolRule protocol;
	private final FitterFactory factory;

	FitMethod(String label, String prefix, Formula formula, Scope scope, ProtocolRule protocol, FitterFactory factory) {
		this.label = label;
		this.prefix = prefix;
		this.formula = formula;
		this.scope = scope;
		this.protocol = protocol;
		this.factory = factory;
	}

	/** Human-readable name for dialogs and legends. */
	public String label() {
		return label;
	}

	/**
	 * Prefix of this method's outputs (map titles, table columns): mono, mononl, biseg, bifree, stretched,
	 * bayes, kurtseg, kurtfree, dki, spatial.
	 */
	public String prefix() {
		return prefix;
	}

	/** The signal model whose parameters this method reports, in their order. */
	public SignalModel model() {
		return formula.model;
	}

	/** The model formula, as printed in image info and plot legends, e.g. "S(b) = S0 exp(-b ADC)". */
	public String formula() {
		return formula.text;
	}

	/** What this method fits at once. */
	public Scope scope() {
		return scope;
	}

	/** Whether this method fits a region's voxels together rather than one by one. */
	public boolean regionWide() {
		return scope != Scope.VOXEL;
	}

	/**
	 * The method that fits a single signal in this method's place (e.g. a ROI's mean signal): itself for
	 * voxel-wise methods; the free fit for the region methods, as one signal has no population or
	 * neighbours to learn from (and the region fits start from free fits).
	 */
	public FitMethod singleSignalMethod() {
		return scope == Scope.VOXEL ? this : BI_FREE;
	}

	/** Whether the standard errors are posterior SDs (the Bayesian region fits), summarised separately. */
	public boolean posteriorStandardErrors() {
		return scope != Scope.VOXEL;
	}

	public int parameterCount() {
		return formula.names.length;
	}

	/** Parameter names, in the order fitters report them. */
	public String[] parameterNames() {
		return formula.names.clone();
	}

	/** Units of the parameters ("" for dimensionless). */
	public String[] parameterUnits() {
		return formula.units.clone();
	}

	/** Index of a parameter by name, or -1. */
	public int indexOf(String parameter) {
		for (int i = 0; i < formula.names.length; i++)
			if (formula.names[i].equalsIgnoreCase(parameter)) return i;
		return -1;
	}

	/** The b-values the fit sees: all, or those at and above the segmentation threshold (mono-kurtosis). */
	public double[] fittedBValues(double[] bValues, FitOptions options) {
		if (!formula.highBOnly) return bValues.clone();
		double t = (options == null ? new FitOptions() : options).segmentationThreshold();
		return java.util.Arrays.stream(bValues).filter(v -> v >= t).toArray();
	}

	/**
	 * Whether this method, with these options, fits every one of the b-values (so its residuals compare
	 * with other models' on the same data): not the mono fits restricted to a subset or range of b-values,
	 * nor mono-kurtosis above a threshold that leaves some out.
	 */
	public boolean fitsAllBValues(double[] bValues, FitOptions options) {
		FitOptions o = options == null ? new FitOptions() : options;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double v : bValues) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (formula.monoBValues) return o.monoBValues() == null && o.monoMinB() <= lo && o.monoMaxB() >= hi;
		return !formula.highBOnly || o.segmentationThreshold() <= lo;
	}

	/** A reusable single-voxel fitter; throws IllegalArgumentException for the region methods (see {@link #scope()}). */
	public VoxelFit fitter(double[] bValues, FitOptions options) {
		return factory.create(this, bValues, options);
	}

	/** Throws IllegalArgumentException saying what is missing if this method cannot be fitted on {@code b}. */
	void checkProtocol(ProtocolCheck.Protocol b, FitOptions options) {
		protocol.check(this, b, options);
	}

	/**
	 * Fits many voxels (voxel-major {@code signals}, as {@link BatchFit}) the way this method fits:
	 * voxel by voxel on all threads, or the region at once.
	 *
	 * @param neighbours the voxels' grid neighbours; needed by {@link Scope#GRID} methods only (else may be null)
	 */
	public BatchResult fitRegion(double[] bValues, FitOptions options, float[] signals, Neighbours neighbours, int threads,
		BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		FitOptions o = options == null ? new FitOptions() : options;
		if (scope == Scope.POPULATION) {
			ShrinkageBiexponentialFit fit = new ShrinkageBiexponentialFit(bValues, o).priorComponents(o.priorComponents());
			if (!Double.isNaN(o.noiseSigma())) fit.noiseSigma(o.noiseSigma());
			return fit.fit(signals, threads, progress, cancelled).asBatchResult();
		}
		if (scope == Scope.GRID) {
			if (neighbours == null) fitter(bValues, options); // refuses: no grid here
			return new SpatialBiexponentialFit(bValues, options).fit(signals, neighbours, threads, progress, cancelled);
		}
		return BatchFit.fit(fitter(bValues, options), signals, threads, progress, cancelled);
	}
}

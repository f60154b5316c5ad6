package org.ivimj.fit;

/**
 * The fit methods IVIM-J offers, with the names and units of their parameters. Parameter names are
 * used as map titles and results-table column stems, so they are fixed.
 */
public enum FitMethod {
	/** Mono-exponential, signal-weighted log-linear least squares. */
	MONO_LOG_LINEAR("mono (weighted log-linear)", new String[] {"S0", "ADC"}, new String[] {"a.u.", "mm²/s"}),
	/** Mono-exponential, non-linear least squares. */
	MONO_NONLINEAR("mono (non-linear)", new String[] {"S0", "ADC"}, new String[] {"a.u.", "mm²/s"}),
	/** Bi-exponential, segmented (two-step) fit. */
	BI_SEGMENTED("bi-exponential (segmented)", new String[] {"S0", "f", "D", "D*"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s"}),
	/** Bi-exponential, free bounded fit of all four parameters. */
	BI_FREE("bi-exponential (free)", new String[] {"S0", "f", "D", "D*"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s"}),
	/** Stretched-exponential, bounded non-linear fit. */
	STRETCHED("stretched-exponential", new String[] {"S0", "DDC", "alpha"}, new String[] {"a.u.", "mm²/s", ""}),
	/**
	 * Bi-exponential, Bayesian shrinkage over a whole region ({@link ShrinkageBiexponentialFit}):
	 * fits many voxels together, so it has no single-voxel {@link VoxelFit}; its standard errors are
	 * posterior SDs.
	 */
	BI_SHRINKAGE("bi-exponential (Bayesian shrinkage)", new String[] {"S0", "f", "D", "D*"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s"}),
	/**
	 * IVIM with kurtosis S0 [(1 − f) exp(−bD + b²D²K/6) + f exp(−bD*)], segmented: D, K and the tissue
	 * intercept from the b-values ≥ the threshold ({@link MonoKurtosisFit}), S0 from b = 0, then D*
	 * ({@link IvimKurtosisFit}). Needs b-values up to at least {@value MonoKurtosisFit#MIN_MAX_B} s/mm².
	 */
	IVIM_KURTOSIS_SEGMENTED("IVIM-kurtosis (segmented)", new String[] {"S0", "f", "D", "D*", "K"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s", ""}),
	/** IVIM with kurtosis, all five parameters free (bounded), started from the segmented fit. */
	IVIM_KURTOSIS_FREE("IVIM-kurtosis (free)", new String[] {"S0", "f", "D", "D*", "K"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s", ""}),
	/**
	 * Diffusion kurtosis without perfusion, S0 exp(−bD + b²D²K/6), on the b-values ≥ the segmentation
	 * threshold only (S0 is then the tissue intercept S0 (1 − f)).
	 */
	MONO_KURTOSIS("mono-kurtosis (DKI, b ≥ threshold)", new String[] {"S0", "D", "K"}, new String[] {"a.u.", "mm²/s", ""}),
	/**
	 * Bi-exponential, spatially regularised ({@link SpatialBiexponentialFit}): an edge-preserving
	 * Markov-random-field prior pulls touching voxels' (logit f, ln D, ln D*) together. Fits a region on
	 * its grid, so it needs the voxels' neighbours: Fit IVIM Maps, or SpatialBiexponentialFit with {@link Neighbours}.
	 */
	BI_SPATIAL("bi-exponential (spatially regularised)", new String[] {"S0", "f", "D", "D*"},
		new String[] {"a.u.", "", "mm²/s", "mm²/s"});

	private static final FitMethod[] VOXELWISE = {MONO_LOG_LINEAR, MONO_NONLINEAR, BI_SEGMENTED, BI_FREE, STRETCHED};

	/** The methods that fit each voxel on its own on any protocol (every method but {@link #BI_SHRINKAGE} and {@link #kurtosis()}). */
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

	/** Whether this method fits a region's voxels together rather than one by one. */
	public boolean regionWide() {
		return this == BI_SHRINKAGE || this == BI_SPATIAL;
	}

	private final String label;
	private final String[] names;
	private final String[] units;

	FitMethod(String label, String[] names, String[] units) {
		this.label = label;
		this.names = names;
		this.units = units;
	}

	/** Human-readable name for dialogs and legends. */
	public String label() {
		return label;
	}

	public int parameterCount() {
		return names.length;
	}

	/** Parameter names, in the order fitters report them. */
	public String[] parameterNames() {
		return names.clone();
	}

	/** Units of the parameters ("" for dimensionless). */
	public String[] parameterUnits() {
		return units.clone();
	}

	/** Index of a parameter by name, or -1. */
	public int indexOf(String parameter) {
		for (int i = 0; i < names.length; i++)
			if (names[i].equalsIgnoreCase(parameter)) return i;
		return -1;
	}
}

package org.ivimj.fit;

/**
 * Bounds, thresholds and b-value selections for every fit method, with the field's defaults
 * (OSIPI TF2.4: f [0, 1], D [0, 0.005], D* [0.005, 0.2] mm²/s, segmentation threshold 200 s/mm²).
 * Fitters copy what they need when they are built, so changing an options object later does not
 * affect fitters already made. Setters return {@code this} for chaining in scripts.
 */
public final class FitOptions implements Cloneable {

	// Mono-exponential: which b-values take part (inclusive range, or an explicit list).
	private double monoMinB = 0, monoMaxB = Double.POSITIVE_INFINITY;
	private double[] monoBValues;
	private double adcMin = 0, adcMax = 0.1;

	// Bi-exponential.
	private double segmentationThreshold = 200;
	private boolean segmentedFitsS0AndF;
	private double fMin = 0, fMax = 1;
	private double dMin = 0, dMax = 0.005;
	private double dStarMin = 0.005, dStarMax = 0.2;

	// Stretched exponential.
	private double ddcMin = 0, ddcMax = 0.005;
	private double alphaMin = 0.05, alphaMax = 1;

	// IVIM-kurtosis and mono-kurtosis: bounds of the kurtosis K.
	private double kMin = 0, kMax = 3;

	// Noise floor: Rician noise SD per channel (signal units); NaN fits plain least squares.
	private double noiseSigma = Double.NaN;

	// Shrinkage fit: Gaussian components of the population prior.
	private int priorComponents = 1;

	// Spatially regularised fit: prior strength β (relative to the noise-scaled default) and edge scale δ.
	private double spatialWeight = 16, spatialEdge = SpatialBiexponentialFit.DEFAULT_EDGE;

	// Every non-linear fit: S0 bounds relative to the largest signal, iteration cap.
	private double s0MaxFactor = 10;
	private int maxIterations = 200;

	/** Only b-values in [min, max] (s/mm²) take part in mono fits. */
	public FitOptions monoBRange(double min, double max) {
		monoMinB = min;
		monoMaxB = max;
		return this;
	}

	/** Only these b-values take part in mono fits (e.g. 0 and 1000); null for all. */
	public FitOptions monoBValues(double... b) {
		monoBValues = b == null ? null : b.clone();
		return this;
	}

	public FitOptions adcBounds(double min, double max) {
		adcMin = min;
		adcMax = max;
		return this;
	}

	/** b-value (s/mm²) at and above which the segmented fit takes perfusion as decayed. */
	public FitOptions segmentationThreshold(double b) {
		segmentationThreshold = b;
		return this;
	}

	/** Whether the segmented fit's last step fits S0 and f along with D* (default: D* alone). */
	public FitOptions segmentedFitsS0AndF(boolean yes) {
		segmentedFitsS0AndF = yes;
		return this;
	}

	public FitOptions fBounds(double min, double max) {
		fMin = min;
		fMax = max;
		return this;
	}

	public FitOptions dBounds(double min, double max) {
		dMin = min;
		dMax = max;
		return this;
	}

	public FitOptions dStarBounds(double min, double max) {
		dStarMin = min;
		dStarMax = max;
		return this;
	}

	public FitOptions ddcBounds(double min, double max) {
		ddcMin = min;
		ddcMax = max;
		return this;
	}

	public FitOptions alphaBounds(double min, double max) {
		alphaMin = min;
		alphaMax = max;
		return this;
	}

	/** Bounds of the kurtosis K of the kurtosis fits (default [0, 3]). */
	public FitOptions kBounds(double min, double max) {
		kMin = min;
		kMax = max;
		return this;
	}

	/**
	 * Strength β of the spatially regularised fit's neighbour prior (default 16, chosen on a phantom with sharp boundaries at SNR 10–30). The prior is scaled by
	 * the noise σ through the Cramér–Rao variances of the parameters, so β = 1 gives a neighbour of equal
	 * parameters about the weight of the voxel's own signal; 0 = free fit.
	 */
	public FitOptions spatialWeight(double beta) {
		spatialWeight = beta;
		return this;
	}

	/** The spatial fit's edge scale δ in noise units (default 2): neighbours much further apart count as across an edge. */
	public FitOptions spatialEdge(double delta) {
		spatialEdge = delta;
		return this;
	}

	/** S0 is bounded to [0, factor × largest signal]. */
	public FitOptions s0MaxFactor(double factor) {
		s0MaxFactor = factor;
		return this;
	}

	/**
	 * Fits magnitude data against its Rician expectation E[M](S, σ) instead of S, so the noise floor
	 * does not bias low signals (see {@link org.ivimj.model.RicianMeanModel}); σ is the noise SD per
	 * channel in signal units (from a background region, the b = 0 images' spread, or typed).
	 * Applies to the non-linear fits: MONO_NONLINEAR, BI_FREE, STRETCHED, and the D* step of
	 * BI_SEGMENTED (its D still comes from the log-linear step). NaN switches it off.
	 */
	public FitOptions noiseSigma(double sigma) {
		noiseSigma = sigma;
		return this;
	}

	/** The Rician noise SD, or NaN when the noise floor is ignored. */
	public double noiseSigma() {
		return noiseSigma;
	}

	/** Wraps a model in the Rician expectation when {@link #noiseSigma} is set. */
	org.ivimj.model.SampledSignalModel noiseAware(org.ivimj.model.SampledSignalModel model) {
		return Double.isNaN(noiseSigma) ? model : new org.ivimj.model.RicianMeanModel(model, noiseSigma);
	}

	/**
	 * Gaussian components of the shrinkage fit's population prior (1–8, default 1): more than one
	 * lets a whole-image map shrink each tissue towards its own cluster.
	 */
	public FitOptions priorComponents(int k) {
		priorComponents = k;
		return this;
	}

	public int priorComponents() {
		return priorComponents;
	}

	public FitOptions maxIterations(int n) {
		maxIterations = n;
		return this;
	}

	public double monoMinB() { return monoMinB; }
	public double monoMaxB() { return monoMaxB; }
	public double[] monoBValues() { return monoBValues == null ? null : monoBValues.clone(); }
	public double adcMin() { return adcMin; }
	public double adcMax() { return adcMax; }
	public double segmentationThreshold() { return segmentationThreshold; }
	public boolean segmentedFitsS0AndF() { return segmentedFitsS0AndF; }
	public double fMin() { return fMin; }
	public double fMax() { return fMax; }
	public double dMin() { return dMin; }
	public double dMax() { return dMax; }
	public double dStarMin() { return dStarMin; }
	public double dStarMax() { return dStarMax; }
	public double ddcMin() { return ddcMin; }
	public double ddcMax() { return ddcMax; }
	public double alphaMin() { return alphaMin; }
	public double alphaMax() { return alphaMax; }
	public double kMin() { return kMin; }
	public double kMax() { return kMax; }
	public double spatialWeight() { return spatialWeight; }
	public double spatialEdge() { return spatialEdge; }
	public double s0MaxFactor() { return s0MaxFactor; }
	public int maxIterations() { return maxIterations; }

	/**
	 * Checks that every bound is an ordered finite pair inside the physical range, and throws an
	 * IllegalArgumentException that names the offending option otherwise.
	 */
	public FitOptions validate() {
		check("ADC", adcMin, adcMax, 0, Double.MAX_VALUE);
		check("f", fMin, fMax, 0, 1);
		check("D", dMin, dMax, 0, Double.MAX_VALUE);
		check("D*", dStarMin, dStarMax, 0, Double.MAX_VALUE);
		check("DDC", ddcMin, ddcMax, 0, Double.MAX_VALUE);
		check("alpha", alphaMin, alphaMax, 0, 1);
		check("K", kMin, kMax, -Double.MAX_VALUE, Double.MAX_VALUE);
		if (!(monoMinB <= monoMaxB)) throw new IllegalArgumentException("Mono b-value range is empty: "
			+ monoMinB + " > " + monoMaxB + ". Give the smaller b-value first.");
		if (!(segmentationThreshold >= 0) || Double.isInfinite(segmentationThreshold))
			throw new IllegalArgumentException("Segmentation threshold must be a b-value ≥ 0, not " + segmentationThreshold);
		if (!(s0MaxFactor > 1) || Double.isInfinite(s0MaxFactor))
			throw new IllegalArgumentException("S0 bound factor must be > 1, not " + s0MaxFactor);
		if (!(spatialWeight >= 0) || Double.isInfinite(spatialWeight))
			throw new IllegalArgumentException("The spatial weight must be a number ≥ 0 (default 16), not " + spatialWeight);
		if (!(spatialEdge > 0) || Double.isInfinite(spatialEdge))
			throw new IllegalArgumentException("The spatial edge scale must be > 0, not " + spatialEdge);
		if (maxIterations < 1) throw new IllegalArgumentException("Iteration limit must be at least 1");
		if (priorComponents < 1 || priorComponents > 8)
			throw new IllegalArgumentException("Prior components must be 1 to 8, not " + priorComponents);
		if (!Double.isNaN(noiseSigma) && !(noiseSigma > 0 && noiseSigma < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException("The noise SD must be a positive number (or off), not " + noiseSigma);
		return this;
	}

	private static void check(String name, double min, double max, double lo, double hi) {
		if (!(min <= max) || Double.isNaN(min) || Double.isInfinite(max) || Double.isInfinite(min))
			throw new IllegalArgumentException("Bounds of " + name + " must be finite with min ≤ max, not ["
				+ min + ", " + max + "].");
		if (min < lo || max > hi)
			throw new IllegalArgumentException("Bounds of " + name + " must lie within [" + lo + ", " + hi
				+ "], not [" + min + ", " + max + "].");
	}

	@Override
	public FitOptions clone() {
		try {
			FitOptions c = (FitOptions) super.clone();
			c.monoBValues = monoBValues == null ? null : monoBValues.clone();
			return c;
		}
		catch (CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}
}

package org.ivimj.analysis;

import java.util.Arrays;

/**
 * Whole-lesion histogram features of a parameter's voxel values, defined as numpy/scipy define them
 * (checked to 1e-6 against {@code make_fixtures.py} in the test resources). Non-finite values are
 * failed voxels: they count in {@link #failedFraction} and nowhere else.
 * <ul>
 * <li>{@link #sd}: sample SD (n − 1), as the table's {@code _sd} column; {@link #cv} = sd / mean.</li>
 * <li>Percentiles 5, 10, 25, 50, 75, 90, 95: {@code numpy.percentile} with its default
 * {@code method='linear'} (virtual index q·(n − 1), linear interpolation).</li>
 * <li>{@link #skewness}, {@link #kurtosis}: {@code scipy.stats.skew} and {@code scipy.stats.kurtosis} with
 * their defaults, the biased moment estimators g1 = m3/m2^1.5 and excess g2 = m4/m2² − 3 (NaN when
 * the values are all equal).</li>
 * <li>{@link #entropy}: Shannon entropy in bits of the histogram with k = ⌈log2 n⌉ + 1 equal-width bins
 * over [min, max] (Sturges' rule), binned as {@code numpy.histogram}; 0 when all values are equal.</li>
 * </ul>
 */
public final class HistogramFeatures {

	/** The percentiles reported, in order. */
	public static final int[] PERCENTILES = {5, 10, 25, 50, 75, 90, 95};
	/** Feature names as used in table columns ({@code <stem>_<name>}), in {@link #values()} order. */
	public static final String[] NAMES = {"mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "skewness",
		"kurtosis", "entropy", "cv", "failed"};

	/** All values given, and the finite ones among them. */
	public final int count, valid;
	public final double mean, sd, skewness, kurtosis, entropy, cv, failedFraction;
	/** Values at {@link #PERCENTILES}. */
	private final double[] percentiles;

	private HistogramFeatures(int count, int valid, double mean, double sd, double[] percentiles, double skewness,
		double kurtosis, double entropy)
	{
		this.count = count;
		this.valid = valid;
		this.mean = mean;
		this.sd = sd;
		this.percentiles = percentiles;
		this.skewness = skewness;
		this.kurtosis = kurtosis;
		this.entropy = entropy;
		this.cv = valid > 1 && mean != 0 ? sd / mean : Double.NaN;
		this.failedFraction = count == 0 ? Double.NaN : (count - valid) / (double) count;
	}

	/** The value at percentile {@code q} of {@link #PERCENTILES}. */
	public double percentile(int q) {
		for (int i = 0; i < PERCENTILES.length; i++)
			if (PERCENTILES[i] == q) return percentiles[i];
		throw new IllegalArgumentException("Percentile " + q + " is not one of " + Arrays.toString(PERCENTILES));
	}

	/** The features in {@link #NAMES} order. */
	public double[] values() {
		double[] v = new double[NAMES.length];
		v[0] = mean;
		v[1] = sd;
		System.arraycopy(percentiles, 0, v, 2, percentiles.length);
		v[9] = skewness;
		v[10] = kurtosis;
		v[11] = entropy;
		v[12] = cv;
		v[13] = failedFraction;
		return v;
	}

	/** Features of {@code values[0..n)}. */
	public static HistogramFeatures of(double[] values, int n) {
		double[] x = new double[n];
		int k = 0;
		for (int i = 0; i < n; i++)
			if (Double.isFinite(values[i])) x[k++] = values[i];
		double[] pct = new double[PERCENTILES.length];
		if (k == 0) {
			Arrays.fill(pct, Double.NaN);
			return new HistogramFeatures(n, 0, Double.NaN, Double.NaN, pct, Double.NaN, Double.NaN, Double.NaN);
		}
		Arrays.sort(x, 0, k);
		double sum = 0;
		for (int i = 0; i < k; i++) sum += x[i];
		double mean = sum / k;
		double m2 = 0, m3 = 0, m4 = 0;
		for (int i = 0; i < k; i++) {
			double d = x[i] - mean, d2 = d * d;
			m2 += d2;
			m3 += d2 * d;
			m4 += d2 * d2;
		}
		double sd = k > 1 ? Math.sqrt(m2 / (k - 1)) : Double.NaN;
		m2 /= k;
		m3 /= k;
		m4 /= k;
		// scipy's guard: a variance lost in rounding (all values equal) gives NaN, not a huge ratio.
		double resolution = 1e-15 * mean;
		boolean flat = m2 <= resolution * resolution;
		double skew = flat ? Double.NaN : m3 / Math.pow(m2, 1.5);
		double kurt = flat ? Double.NaN : m4 / (m2 * m2) - 3;
		for (int i = 0; i < PERCENTILES.length; i++) pct[i] = percentileLinear(x, k, PERCENTILES[i] / 100.0);
		return new HistogramFeatures(n, k, mean, sd, pct, skew, kurt, entropy(x, k));
	}

	/** numpy.percentile(method='linear') of sorted {@code x[0..k)}, including numpy's two-sided lerp. */
	static double percentileLinear(double[] x, int k, double q) {
		double virtual = q * (k - 1);
		int lo = (int) Math.floor(virtual);
		if (lo >= k - 1) return x[k - 1];
		if (lo < 0) return x[0];
		double t = virtual - lo, a = x[lo], b = x[lo + 1], diff = b - a;
		return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
	}

	/** Sturges' bin count ⌈log2 n⌉ + 1, exact on integers. */
	public static int sturgesBins(int n) {
		return n <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n - 1) + 1;
	}

	/** Entropy in bits of sorted {@code x[0..k)} binned as numpy.histogram(x, sturgesBins(k), (min, max)). */
	static double entropy(double[] x, int k) {
		double first = x[0], last = x[k - 1];
		if (!(last > first)) return 0;
		int[] counts = histogram(x, k, sturgesBins(k), first, last);
		double h = 0;
		for (int c : counts)
			if (c > 0) {
				double p = c / (double) k;
				h -= p * Math.log(p);
			}
		return h / Math.log(2);
	}

	/**
	 * Counts of {@code x[0..k)} in {@code bins} equal-width bins over [first, last], the last bin closed,
	 * with numpy.histogram's index arithmetic and edge corrections, so values on an edge fall where
	 * numpy puts them. Values outside [first, last] are not counted.
	 */
	public static int[] histogram(double[] x, int k, int bins, double first, double last) {
		int[] counts = new int[bins];
		double denom = last - first, step = denom / bins;
		for (int i = 0; i < k; i++) {
			double v = x[i];
			if (!(v >= first && v <= last)) continue;
			int idx = (int) ((v - first) / denom * bins);
			if (idx == bins) idx--;
			if (v < edge(idx, step, first, last, bins)) idx--;
			if (idx != bins - 1 && v >= edge(idx + 1, step, first, last, bins)) idx++;
			counts[idx]++;
		}
		return counts;
	}

	/** numpy.linspace(first, last, bins + 1)[i]. */
	private static double edge(int i, double step, double first, double last, int bins) {
		return i == bins ? last : i * step + first;
	}
}

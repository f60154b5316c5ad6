package org.ivimj.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Whether a method can work on a protocol's b-values at all, checked before any voxel is fitted: a fit
 * that cannot work (one distinct b-value, fewer distinct b-values than the model's parameters, a
 * segmentation threshold above every b-value, a mono subset naming b-values the image lacks) would
 * otherwise return all-NaN maps without a word. The messages name the b-values and what the method needs.
 */
public final class ProtocolCheck {

	private ProtocolCheck() {}

	/**
	 * Throws {@link IllegalArgumentException} saying what is missing if {@code method} cannot be fitted on
	 * {@code b} with {@code options}.
	 */
	public static void check(FitMethod method, double[] b, FitOptions options) {
		FitOptions o = options == null ? new FitOptions() : options;
		Protocol protocol = new Protocol(distinct(b));
		if (protocol.distinct.size() < 2) throw new IllegalArgumentException(method.label() + " needs at least two distinct "
			+ "b-values, but " + protocol.have + ": set the b-values (Plugins › IVIM › Set b-values...) or use another series.");
		method.checkProtocol(protocol, o);
	}

	/** The distinct b-values of a protocol, and the phrase naming them in messages. */
	static final class Protocol {
		final TreeSet<Double> distinct;
		final String have;

		Protocol(TreeSet<Double> distinct) {
			this.distinct = distinct;
			this.have = "the image's b-values are " + list(distinct) + " s/mm²";
		}
	}

	/** The mono-exponential fits: two distinct b-values among the chosen subset or range. */
	static void checkMono(FitMethod method, Protocol p, FitOptions o) {
		TreeSet<Double> distinct = p.distinct;
		double[] subset = o.monoBValues();
		TreeSet<Double> used = new TreeSet<>();
		if (subset != null) {
			List<Double> missing = new ArrayList<>();
			for (double v : subset) {
				Double match = match(distinct, v);
				if (match == null) missing.add(v);
				else used.add(match);
			}
			if (!missing.isEmpty()) throw new IllegalArgumentException("mono_b-values names b = " + list(missing)
				+ " s/mm², which the image does not have; " + p.have + ".");
		}
		else for (double v : distinct)
			if (v >= o.monoMinB() && v <= o.monoMaxB()) used.add(v);
		if (used.size() < 2) throw new IllegalArgumentException(method.label() + " needs two distinct b-values "
			+ "to fit, but the chosen ones are " + (used.isEmpty() ? "none" : list(used)) + "; " + p.have + ".");
	}

	/** The segmented fit: four distinct b-values, two at or above the threshold and one between 0 and it. */
	static void checkSegmented(FitMethod method, Protocol p, FitOptions o) {
		TreeSet<Double> distinct = p.distinct;
		need(method, 4, distinct, p.have);
		double t = o.segmentationThreshold();
		TreeSet<Double> high = new TreeSet<>(distinct.tailSet(t, true));
		if (high.size() < 2) throw new IllegalArgumentException(method.label() + " fits D on the b-values ≥ the "
			+ "segmentation threshold (" + format(t) + " s/mm²) and needs two of them, but " + p.have
			+ ": give a segmentation_threshold of at most " + format(second(distinct)) + ".");
		TreeSet<Double> low = new TreeSet<>(distinct.headSet(t, false));
		low.remove(0.0);
		if (low.isEmpty()) throw new IllegalArgumentException(method.label() + " fits D* on the b-values between "
			+ "0 and the segmentation threshold (" + format(t) + " s/mm²), but there is none: " + p.have
			+ ". Lower the threshold or fit mono/stretched.");
	}

	/**
	 * Every other method: at least as many distinct b-values as parameters (methods with their own protocol
	 * rules, e.g. the kurtosis fits' b-value range, check those when their fitter is built).
	 */
	static void checkParameters(FitMethod method, Protocol p, FitOptions o) {
		need(method, method.parameterCount(), p.distinct, p.have);
	}

	/**
	 * The fraction of voxels (voxel-major {@code signals}, {@code b.length} values each) whose mean
	 * signal at the highest b-value exceeds that at the lowest: diffusion makes the signal fall with b,
	 * so a majority means the b-values were most likely given in the wrong order.
	 */
	public static double risingFraction(double[] b, float[] signals) {
		int nb = b.length, voxels = signals.length / nb;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double v : b) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (!(hi > lo) || voxels == 0) return 0;
		int rising = 0, counted = 0;
		for (int v = 0; v < voxels; v++) {
			double sLo = 0, sHi = 0;
			int nLo = 0, nHi = 0;
			for (int i = 0; i < nb; i++) {
				double s = signals[v * nb + i];
				if (b[i] == lo) {
					sLo += s;
					nLo++;
				}
				else if (b[i] == hi) {
					sHi += s;
					nHi++;
				}
			}
			sLo /= nLo;
			sHi /= nHi;
			if (Double.isNaN(sLo) || Double.isNaN(sHi)) continue;
			counted++;
			if (sHi > sLo) rising++;
		}
		return counted == 0 ? 0 : rising / (double) counted;
	}

	private static void need(FitMethod method, int n, TreeSet<Double> distinct, String have) {
		if (distinct.size() < n) throw new IllegalArgumentException(method.label() + " has " + n + " parameters and "
			+ "needs at least " + n + " distinct b-values, but " + have + ". Use mono" + (distinct.size() >= 3 && n > 3
				? " or stretched" : "") + ", or a protocol with more b-values.");
	}

	private static TreeSet<Double> distinct(double[] b) {
		TreeSet<Double> set = new TreeSet<>();
		for (double v : b)
			if (Double.isFinite(v) && match(set, v) == null) set.add(v);
		return set;
	}

	private static Double match(TreeSet<Double> set, double v) {
		for (double x : set)
			if (Math.abs(x - v) <= 1e-6 * Math.max(1, Math.abs(v))) return x;
		return null;
	}

	private static double second(TreeSet<Double> distinct) {
		Double[] values = distinct.descendingSet().toArray(new Double[0]);
		return values.length >= 2 ? values[1] : values[0];
	}

	private static String list(Iterable<Double> values) {
		StringBuilder sb = new StringBuilder();
		for (double v : values) {
			if (sb.length() > 0) sb.append(", ");
			sb.append(format(v));
		}
		return sb.toString();
	}

	private static String format(double v) {
		return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
	}
}

package org.ivimj.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Arranges images known by slice index, b-value and acquisition order into frames of a
 * {@link DiffusionSeries}: one frame per b-value (repeats combined as a trace or a mean) or per repeat,
 * ordered by b-value or by acquisition. Shared by the DICOM and NIfTI importers so both give the same
 * hyperstack.
 */
public final class DiffusionSeriesBuilder {

	/** Supplies the pixels of one image (width * height floats, top row first) when they are needed. */
	@FunctionalInterface
	public interface PlaneSource {
		float[] read() throws IvimImportException;
	}

	/** One image of the series. */
	public static final class Entry {
		final int slice;
		final double b;
		final long order;
		final String name;
		final PlaneSource source;
		/** The value of one stored integer step (the rescale slope), or 0 for floating-point data. */
		final double storedUnit;

		/**
		 * @param slice slice index (0 = first along the slice normal); @param b b-value in s/mm²;
		 * @param order acquisition order (smaller = earlier); @param name file or image, for messages
		 */
		public Entry(int slice, double b, long order, String name, PlaneSource source) {
			this(slice, b, order, name, source, 1);
		}

		/**
		 * @param storedUnit the value of one step of the stored integers (|rescale slope|; 1 for unscaled
		 * integers), below which the trace counts a value as that one step, as scanners do; 0 for
		 * floating-point data (no such step: a zero stays a zero)
		 */
		public Entry(int slice, double b, long order, String name, PlaneSource source, double storedUnit) {
			this.slice = slice;
			this.b = b;
			this.order = order;
			this.name = name;
			this.source = source;
			this.storedUnit = storedUnit > 0 && Double.isFinite(storedUnit) ? storedUnit : 0;
		}
	}

	private DiffusionSeriesBuilder() {}

	/**
	 * Builds the frames.
	 *
	 * @param what the folder or file, named in messages
	 * @throws IvimImportException when slices do not all hold the same b-values the same number of times
	 */
	public static float[][][] build(String what, List<Entry> entries, int depth, int pixels, RepeatHandling repeats,
		VolumeOrder order, List<Double> bOut) throws IvimImportException
	{
		return build(what, entries, depth, pixels, repeats, order, bOut, new ArrayList<>());
	}

	/**
	 * Builds the frames, adding to {@code notes} how many voxels of the trace had a zero in some direction
	 * (see {@link #traceOf}).
	 */
	public static float[][][] build(String what, List<Entry> entries, int depth, int pixels, RepeatHandling repeats,
		VolumeOrder order, List<Double> bOut, List<String> notes) throws IvimImportException
	{
		// Per slice: b-value -> images in acquisition order.
		List<TreeMap<Double, List<Entry>>> bySlice = new ArrayList<>();
		for (int z = 0; z < depth; z++) bySlice.add(new TreeMap<>());
		for (Entry e : entries) bySlice.get(e.slice).computeIfAbsent(e.b, k -> new ArrayList<>()).add(e);
		for (TreeMap<Double, List<Entry>> m : bySlice)
			for (List<Entry> l : m.values()) l.sort(Comparator.comparingLong((Entry e) -> e.order).thenComparing(e -> e.name));
		TreeMap<Double, List<Entry>> first = bySlice.get(0);
		for (int z = 1; z < depth; z++) {
			TreeMap<Double, List<Entry>> m = bySlice.get(z);
			for (Map.Entry<Double, List<Entry>> be : first.entrySet()) {
				List<Entry> other = m.get(be.getKey());
				int n = other == null ? 0 : other.size();
				if (n != be.getValue().size()) throw new IvimImportException(what, "slice " + (z + 1) + " has " + n
					+ " image(s) at b = " + fmt(be.getKey()) + " but slice 1 has " + be.getValue().size()
					+ " (e.g. " + be.getValue().get(0).name + "): the series is incomplete or mixes acquisitions");
			}
			for (Map.Entry<Double, List<Entry>> be : m.entrySet())
				if (!first.containsKey(be.getKey())) throw new IvimImportException(what, "slice " + (z + 1)
					+ " has an image at b = " + fmt(be.getKey()) + " (" + be.getValue().get(0).name
					+ ") but slice 1 has none: the series is incomplete or mixes acquisitions");
		}
		// A frame = a b-value and the index of its first image among that b-value's images.
		List<long[]> frames = new ArrayList<>(); // {bIndex, firstRepeat, repeatCount, acquisitionOrder}
		List<Double> bs = new ArrayList<>(first.keySet());
		for (int bi = 0; bi < bs.size(); bi++) {
			List<Entry> l = first.get(bs.get(bi));
			if (repeats == RepeatHandling.SEPARATE)
				for (int r = 0; r < l.size(); r++) frames.add(new long[] { bi, r, 1, l.get(r).order });
			else frames.add(new long[] { bi, 0, l.size(), l.get(0).order });
		}
		if (order == VolumeOrder.ACQUISITION) frames.sort(Comparator.comparingLong(f -> f[3]));
		float[][][] planes = new float[frames.size()][depth][];
		ZeroCount zeros = new ZeroCount(depth, pixels);
		for (int t = 0; t < frames.size(); t++) {
			long[] f = frames.get(t);
			double b = bs.get((int) f[0]);
			bOut.add(b);
			for (int z = 0; z < depth; z++) {
				List<Entry> l = bySlice.get(z).get(b);
				planes[t][z] = combine(l.subList((int) f[1], (int) (f[1] + f[2])), pixels, repeats, zeros.slice(z));
			}
		}
		int lowest = 0;
		for (int t = 1; t < frames.size(); t++)
			if (bOut.get(bOut.size() - frames.size() + t) < bOut.get(bOut.size() - frames.size() + lowest)) lowest = t;
		zeros.report(notes, planes[lowest]);
		return planes;
	}

	/** Voxels (slice, pixel) where a trace met a zero in some (partial) or all of its directions. */
	private static final class ZeroCount {
		final byte[][] flags; // bit 1: some directions zero; bit 2: all zero; bit 4: zeros left as zeros
		int traces;

		ZeroCount(int depth, int pixels) {
			flags = new byte[depth][];
			for (int z = 0; z < depth; z++) flags[z] = new byte[pixels];
		}

		byte[] slice(int z) {
			return flags[z];
		}

		/**
		 * Adds the count to the notes: among voxels with signal (the lowest-b image above 10% of its 99th
		 * percentile, the brain in a head scan) and in all, where background noise is often zero.
		 */
		void report(List<String> notes, float[][] lowestB) {
			boolean any = false;
			for (byte[] f : flags)
				for (byte v : f) any |= v != 0;
			if (!any) return;
			long partial = 0, all = 0, unclamped = 0, total = 0, signal = 0, signalPartial = 0;
			double threshold = 0.1 * percentile99(lowestB);
			for (int z = 0; z < flags.length; z++) {
				byte[] f = flags[z];
				total += f.length;
				for (int i = 0; i < f.length; i++) {
					byte v = f[i];
					boolean inSignal = lowestB[z][i] > threshold;
					if (inSignal) signal++;
					if ((v & 1) != 0) {
						partial++;
						if (inSignal) signalPartial++;
					}
					if ((v & 2) != 0) all++;
					if ((v & 4) != 0) unclamped++;
				}
			}
			if (partial == 0 && all == 0) return;
			notes.add(String.format(java.util.Locale.ROOT, "trace: %d of %d voxel(s) with signal (%.2f%%; lowest-b image above"
				+ " 10%% of its 99th percentile) had a zero in some but not all diffusion directions (%d of all %d voxels,"
				+ " %d with zeros in all); %s", signalPartial, signal, signal == 0 ? 0.0 : 100.0 * signalPartial / signal,
				partial, total, all, unclamped > 0 ? "floating-point data: zeros kept, so their trace is 0"
					: "each zero counted as one stored unit (1 for integer pixels), the scanner's rule, so their trace"
						+ " and ADC stay finite"));
		}

		private static double percentile99(float[][] planes) {
			int n = 0;
			for (float[] p : planes) n += p.length;
			float[] all = new float[n];
			int k = 0;
			for (float[] p : planes) {
				System.arraycopy(p, 0, all, k, p.length);
				k += p.length;
			}
			java.util.Arrays.sort(all);
			return n == 0 ? 0 : all[(int) Math.floor(0.99 * (n - 1))];
		}
	}

	private static float[] combine(List<Entry> images, int pixels, RepeatHandling how, byte[] zeroFlags)
		throws IvimImportException
	{
		if (images.size() == 1) return checked(images.get(0), pixels);
		float[][] p = new float[images.size()][];
		double unit = Double.POSITIVE_INFINITY;
		for (int k = 0; k < p.length; k++) {
			p[k] = checked(images.get(k), pixels);
			unit = Math.min(unit, images.get(k).storedUnit);
		}
		return how == RepeatHandling.TRACE ? traceOf(p, unit, zeroFlags) : meanOf(p);
	}

	private static float[] meanOf(float[][] p) {
		int pixels = p[0].length;
		float[] out = new float[pixels];
		for (int i = 0; i < pixels; i++) {
			double sum = 0;
			for (float[] plane : p) sum += plane[i];
			out[i] = (float) (sum / p.length);
		}
		return out;
	}

	/**
	 * The trace (geometric mean) of the directions at each pixel. The scanner computes it on its stored
	 * integers with a zero counted as 1 (clamped to one stored unit), so a voxel with a zero in one of 20
	 * directions gets an ordinary trace, not 0 (checked on the Siemens XA30 series: this reproduces its
	 * TRACEW and ADC). Values below {@code unit} count as {@code unit}; with {@code unit} 0 (floating-point
	 * data, which has no stored step) a zero or negative value makes the trace 0.
	 *
	 * @param zeroFlags per pixel, bit 1 set where some (not all) directions were below one unit, bit 2 where
	 * all were, bit 4 where zeros were left as zeros
	 */
	static float[] traceOf(float[][] p, double unit, byte[] zeroFlags) {
		int pixels = p[0].length, n = p.length;
		float[] out = new float[pixels];
		for (int i = 0; i < pixels; i++) {
			double logSum = 0;
			int low = 0;
			for (float[] plane : p) {
				double v = plane[i];
				if (!(v >= unit) || v <= 0) {
					low++;
					v = unit > 0 ? unit : Math.max(v, 0);
				}
				logSum += Math.log(v);
			}
			out[i] = (float) Math.exp(logSum / n);
			if (low > 0) {
				zeroFlags[i] |= (byte) (low < n ? 1 : 2);
				if (unit <= 0) zeroFlags[i] |= 4;
			}
		}
		return out;
	}

	private static float[] checked(Entry e, int pixels) throws IvimImportException {
		float[] p = e.source.read();
		if (p.length != pixels) throw new IvimImportException(e.name, "has " + p.length + " pixels where the series has "
			+ pixels);
		return p;
	}

	/** A b-value as people write it: 1000, not 1000.0. */
	public static String fmt(double b) {
		return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
	}
}

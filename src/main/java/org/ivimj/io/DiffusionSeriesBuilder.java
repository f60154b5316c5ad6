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

		/**
		 * @param slice slice index (0 = first along the slice normal); @param b b-value in s/mm²;
		 * @param order acquisition order (smaller = earlier); @param name file or image, for messages
		 */
		public Entry(int slice, double b, long order, String name, PlaneSource source) {
			this.slice = slice;
			this.b = b;
			this.order = order;
			this.name = name;
			this.source = source;
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
		for (int t = 0; t < frames.size(); t++) {
			long[] f = frames.get(t);
			double b = bs.get((int) f[0]);
			bOut.add(b);
			for (int z = 0; z < depth; z++) {
				List<Entry> l = bySlice.get(z).get(b);
				planes[t][z] = combine(l.subList((int) f[1], (int) (f[1] + f[2])), pixels, repeats);
			}
		}
		return planes;
	}

	private static float[] combine(List<Entry> images, int pixels, RepeatHandling how) throws IvimImportException {
		if (images.size() == 1) return checked(images.get(0), pixels);
		double[] acc = new double[pixels];
		boolean geometric = how == RepeatHandling.TRACE;
		for (Entry e : images) {
			float[] p = checked(e, pixels);
			for (int i = 0; i < pixels; i++) acc[i] += geometric ? Math.log(Math.max(p[i], 0)) : p[i];
		}
		float[] out = new float[pixels];
		int n = images.size();
		// A zero (or negative, i.e. no signal) in any direction makes the geometric mean 0, as on scanners.
		for (int i = 0; i < pixels; i++) out[i] = (float) (geometric ? Math.exp(acc[i] / n) : acc[i] / n);
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

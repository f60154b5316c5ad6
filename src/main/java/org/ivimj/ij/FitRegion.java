package org.ivimj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.AutoThresholder;
import ij.process.ImageProcessor;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The voxels to fit: per position (see {@link DiffusionHyperstack}) a mask, the union of the ROIs on
 * that position, plus each ROI's own mask per position for the results table. Built from ROIs (an ROI
 * with a slice position applies to that slice only, one without to every slice), from a threshold on
 * the lowest-b image, or the whole image. The user's ROIs are cloned, never changed.
 */
public final class FitRegion {

	/** One ROI on one position: a row of the results table. */
	public static final class Part {
		public final String name;
		public final Roi roi;
		public final int position;
		public final ArrayImg<UnsignedByteType, ?> mask;
		public final int voxels;

		Part(String name, Roi roi, int position, ArrayImg<UnsignedByteType, ?> mask, int voxels) {
			this.name = name;
			this.roi = roi;
			this.position = position;
			this.mask = mask;
			this.voxels = voxels;
		}
	}

	private final ArrayImg<UnsignedByteType, ?>[] union;
	private final int voxelCount;
	private final List<Part> parts;
	private final String description;

	private FitRegion(ArrayImg<UnsignedByteType, ?>[] union, List<Part> parts, String description) {
		this.union = union;
		this.parts = Collections.unmodifiableList(parts);
		this.description = description;
		int n = 0;
		for (ArrayImg<UnsignedByteType, ?> m : union)
			if (m != null) n += count(m);
		voxelCount = n;
	}

	/** Per-position masks of all voxels to fit (null where a position has none). */
	public ArrayImg<UnsignedByteType, ?>[] masks() {
		return union.clone();
	}

	public int voxelCount() {
		return voxelCount;
	}

	/** The ROI parts, in ROI order then position order; empty for threshold and whole-image regions. */
	public List<Part> parts() {
		return parts;
	}

	/** How the region was chosen, for image info and logs. */
	public String description() {
		return description;
	}

	/**
	 * Region of the given area ROIs. Throws {@link IvimInputException} naming the ROI if one is not an
	 * area, lies wholly outside the image, has no pixels, or sits on a slice the image does not have.
	 */
	public static FitRegion ofRois(DiffusionHyperstack h, List<Roi> rois, List<String> names, String description) {
		if (rois.isEmpty()) throw new IvimInputException("No ROIs to fit: add ROIs to the ROI Manager or make a selection.");
		int np = h.positionCount(), w = h.width(), ht = h.height();
		@SuppressWarnings("unchecked")
		ArrayImg<UnsignedByteType, ?>[] union = new ArrayImg[np];
		byte[][] unionPixels = new byte[np][];
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < rois.size(); i++) {
			Roi roi = (Roi) rois.get(i).clone();
			String name = names.get(i);
			if (!roi.isArea()) throw new IvimInputException("ROI \"" + name + "\" is a " + roi.getTypeAsString()
				+ " selection: use area ROIs (rectangle, oval, polygon, freehand) or delete it from the ROI Manager.");
			Rectangle r = roi.getBounds();
			// Zero-width bounds still count as inside: such an ROI is empty, not outside.
			if (r.x >= w || r.y >= ht || r.x + Math.max(1, r.width) <= 0 || r.y + Math.max(1, r.height) <= 0) throw new IvimInputException("ROI \"" + name
				+ "\" lies wholly outside the " + w + " × " + ht + " image: move or delete it.");
			byte[] pixels = rasterize(roi, w, ht);
			int n = 0;
			for (byte b : pixels)
				if (b != 0) n++;
			if (n == 0) throw new IvimInputException("ROI \"" + name + "\" contains no pixels: redraw it with a "
				+ "non-zero area or delete it.");
			for (int p : positionsOf(h, roi, name)) {
				ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(pixels, w, ht);
				parts.add(new Part(name, roi, p, mask, n));
				if (unionPixels[p] == null) unionPixels[p] = new byte[w * ht];
				for (int k = 0; k < pixels.length; k++)
					unionPixels[p][k] |= pixels[k];
			}
		}
		for (int p = 0; p < np; p++)
			if (unionPixels[p] != null) union[p] = ArrayImgs.unsignedBytes(unionPixels[p], w, ht);
		return new FitRegion(union, parts, description);
	}

	/** The union of a reader's ROI region and a second reader's ROIs (each ROI once), fitted together. */
	public static FitRegion union(DiffusionHyperstack h, FitRegion first, List<Roi> second, List<String> secondNames) {
		List<Roi> all = new ArrayList<>();
		List<String> allNames = new ArrayList<>();
		java.util.Set<Roi> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (Part part : first.parts())
			if (seen.add(part.roi)) {
				all.add(part.roi);
				allNames.add(part.name);
			}
		all.addAll(second);
		allNames.addAll(secondNames);
		return ofRois(h, all, allNames, first.description() + " and the second reader's ROIs");
	}

	/**
	 * Voxels whose lowest-b signal is above {@code threshold}; NaN picks the threshold automatically
	 * (Otsu's method on the lowest-b images of all positions).
	 */
	public static FitRegion ofThreshold(DiffusionHyperstack h, double threshold) {
		int b0 = h.lowestBIndex();
		double t = Double.isNaN(threshold) ? otsu(h, b0) : threshold;
		int np = h.positionCount(), w = h.width(), ht = h.height();
		@SuppressWarnings("unchecked")
		ArrayImg<UnsignedByteType, ?>[] masks = new ArrayImg[np];
		for (int p = 0; p < np; p++) {
			byte[] pixels = new byte[w * ht];
			Cursor<? extends RealType<?>> c = h.plane(b0, p).cursor();
			int k = 0;
			boolean any = false;
			while (c.hasNext()) {
				double v = c.next().getRealDouble();
				if (v > t) {
					pixels[k] = 1;
					any = true;
				}
				k++;
			}
			if (any) masks[p] = ArrayImgs.unsignedBytes(pixels, w, ht);
		}
		FitRegion region = new FitRegion(masks, new ArrayList<>(), "voxels with S(b=" + BValueMetadata.format(
			h.bValues()[b0]) + ") > " + (float) t + (Double.isNaN(threshold) ? " (automatic, Otsu)" : ""));
		if (region.voxelCount == 0) throw new IvimInputException("No voxel of \"" + h.image().getTitle()
			+ "\" is above the background threshold " + (float) t + ": give a lower threshold= value.");
		return region;
	}

	/** Every voxel of every position. */
	public static FitRegion whole(DiffusionHyperstack h) {
		int np = h.positionCount(), w = h.width(), ht = h.height();
		@SuppressWarnings("unchecked")
		ArrayImg<UnsignedByteType, ?>[] masks = new ArrayImg[np];
		for (int p = 0; p < np; p++) {
			byte[] pixels = new byte[w * ht];
			java.util.Arrays.fill(pixels, (byte) 1);
			masks[p] = ArrayImgs.unsignedBytes(pixels, w, ht);
		}
		return new FitRegion(masks, new ArrayList<>(), "whole image");
	}

	/** The automatic background threshold: Otsu's method on a 256-bin histogram of the lowest-b images. */
	public static double otsu(DiffusionHyperstack h, int bIndex) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int p = 0; p < h.positionCount(); p++)
			for (RealType<?> v : h.plane(bIndex, p)) {
				double d = v.getRealDouble();
				if (Double.isNaN(d) || Double.isInfinite(d)) continue;
				if (d < min) min = d;
				if (d > max) max = d;
			}
		if (!(max > min)) return min;
		int[] hist = new int[256];
		double scale = 255.999 / (max - min);
		for (int p = 0; p < h.positionCount(); p++)
			for (RealType<?> v : h.plane(bIndex, p)) {
				double d = v.getRealDouble();
				if (Double.isNaN(d) || Double.isInfinite(d)) continue;
				hist[(int) ((d - min) * scale)]++;
			}
		int bin = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
		return min + (bin + 1) / scale;
	}

	/** The positions an ROI applies to: its slice (and frame, channel) if it has one, else all. */
	static List<Integer> positionsOf(DiffusionHyperstack h, Roi roi, String name) {
		ImagePlus imp = h.image();
		int c = 0, z = 0, t = 0;
		if (roi.hasHyperStackPosition()) {
			c = roi.getCPosition();
			z = roi.getZPosition();
			t = roi.getTPosition();
		}
		else if (roi.getPosition() > 0) {
			if (roi.getPosition() > imp.getStackSize()) throw new IvimInputException("ROI \"" + name
				+ "\" is on image " + roi.getPosition() + " but \"" + imp.getTitle() + "\" has " + imp.getStackSize()
				+ ": set its position again or remove it (ROI Manager › Properties).");
			int[] czt = imp.convertIndexToPosition(roi.getPosition());
			c = czt[0];
			z = czt[1];
			t = czt[2];
		}
		// The b dimension's coordinate says only which b-image the ROI was drawn on: ignore it.
		BDimension bd = h.bDimension();
		if (bd == BDimension.CHANNELS || h.mapChannels() == 1) c = 0;
		if (bd == BDimension.SLICES || h.mapSlices() == 1) z = 0;
		if (bd == BDimension.FRAMES || h.mapFrames() == 1) t = 0;
		check(name, "channel", c, h.mapChannels());
		check(name, "slice", z, h.mapSlices());
		check(name, "frame", t, h.mapFrames());
		List<Integer> list = new ArrayList<>();
		for (int tt = 1; tt <= h.mapFrames(); tt++)
			for (int zz = 1; zz <= h.mapSlices(); zz++)
				for (int cc = 1; cc <= h.mapChannels(); cc++)
					if ((c == 0 || c == cc) && (z == 0 || z == zz) && (t == 0 || t == tt))
						list.add(h.position(cc, zz, tt));
		return list;
	}

	private static void check(String name, String what, int k, int n) {
		if (k > n) throw new IvimInputException("ROI \"" + name + "\" is on " + what + " " + k + " but the image has "
			+ n + ": set its position again or remove it.");
	}

	private static byte[] rasterize(Roi roi, int w, int h) {
		byte[] pixels = new byte[w * h];
		Rectangle r = roi.getBounds();
		ImageProcessor mask = roi.getMask();
		for (int y = Math.max(0, r.y); y < Math.min(h, r.y + r.height); y++)
			for (int x = Math.max(0, r.x); x < Math.min(w, r.x + r.width); x++)
				if (mask == null || mask.get(x - r.x, y - r.y) != 0) pixels[y * w + x] = 1;
		return pixels;
	}

	private static int count(ArrayImg<UnsignedByteType, ?> m) {
		int n = 0;
		for (UnsignedByteType v : m)
			if (v.get() != 0) n++;
		return n;
	}
}

package org.ivimj.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a DICOM diffusion series (a folder of single-frame files, or images ImageJ already opened) into
 * a {@link DiffusionSeries}: slices ordered along the slice normal, frames by b-value, repeats combined
 * as asked, derived images left out and reported, checks that the images form one complete series.
 */
public final class DicomDiffusionSeries {

	/** Two slice positions closer than this (mm) are the same slice. */
	private static final double SAME_SLICE_MM = 0.01;

	/** One image (a single-frame file, or one frame of an enhanced file) to arrange: its header and pixels. */
	public static final class Source {
		final String name;
		final DicomAttributes attributes;
		final DiffusionSeriesBuilder.PlaneSource pixels;
		/** Acquisition order, or null to use the Instance Number. */
		final Long order;

		public Source(String name, DicomAttributes attributes, DiffusionSeriesBuilder.PlaneSource pixels) {
			this(name, attributes, pixels, null);
		}

		/** @param order acquisition order (smaller = earlier), or null for the Instance Number */
		public Source(String name, DicomAttributes attributes, DiffusionSeriesBuilder.PlaneSource pixels, Long order) {
			this.name = name;
			this.attributes = attributes;
			this.pixels = pixels;
			this.order = order;
		}
	}

	private DicomDiffusionSeries() {}

	/**
	 * Reads every DICOM file in a folder (not its subfolders); other files (no DICOM marker) are skipped
	 * and reported in the notes.
	 */
	public static DiffusionSeries readFolder(Path folder, RepeatHandling repeats, VolumeOrder order)
		throws IvimImportException
	{
		if (!Files.isDirectory(folder)) throw new IvimImportException(folder.toString(), "is not a folder");
		List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
		}
		catch (IOException e) {
			throw new IvimImportException(folder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
		}
		List<Source> sources = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		int enhanced = 0;
		for (int i = 0; i < files.size(); i++) {
			Path f = files.get(i);
			if (!DicomFile.looksLikeDicom(f)) {
				skipped.add(f.getFileName().toString());
				continue;
			}
			DicomFile d = DicomFile.read(f);
			if (!d.hasPixelData()) {
				// DICOMDIR, structured reports, presentation states: DICOM, but not images.
				skipped.add(f.getFileName().toString() + " (DICOM without an image)");
				continue;
			}
			if (EnhancedDicomFrames.isMultiFrame(d)) {
				// Its frames are read from the bytes already in memory (one read per file, not per frame).
				sources.addAll(EnhancedDicomFrames.sources(f.getFileName().toString(), d, i));
				enhanced++;
			}
			else sources.add(new Source(f.getFileName().toString(), d.attributes(), () -> DicomFile.read(f).pixels()));
		}
		if (sources.isEmpty()) throw new IvimImportException(folder.toString(), "holds no DICOM images"
			+ (skipped.isEmpty() ? "" : " (" + skipped.size() + " other files)"));
		List<String> notes = new ArrayList<>();
		if (enhanced > 0) notes.add("read " + enhanced + " enhanced multi-frame file(s) frame by frame (b-value, position"
			+ " and rescale of each frame from its functional groups)");
		if (!skipped.isEmpty()) notes.add("skipped " + skipped.size() + " file(s) that are not DICOM images: " + list(skipped));
		return arrange(folder.toString(), sources, repeats, order, notes);
	}

	/**
	 * Arranges images whose headers are already read.
	 *
	 * @param what the folder or image, named in messages
	 * @param notes earlier notes to keep (may be empty)
	 */
	public static DiffusionSeries arrange(String what, List<Source> sources, RepeatHandling repeats, VolumeOrder order,
		List<String> notes) throws IvimImportException
	{
		notes = new ArrayList<>(notes);
		List<DicomDiffusionImage> all = new ArrayList<>();
		java.util.Set<Double> acquiredB = new java.util.HashSet<>();
		for (Source s : sources) {
			DicomDiffusionImage img = DicomDiffusionImage.from(s.name, s.attributes);
			all.add(img);
			if (img.derivedReason == null) acquiredB.add(img.bValue);
		}
		// The scanner's trace-weighted images stand in at b-values where no direction was saved (often
		// the only images a clinical export holds); elsewhere, and for parameter maps, they are left out.
		List<DicomDiffusionImage> images = new ArrayList<>();
		List<Source> used = new ArrayList<>();
		List<String> derived = new ArrayList<>();
		List<DicomDiffusionImage> leftOut = new ArrayList<>();
		List<Source> leftOutSources = new ArrayList<>();
		java.util.TreeSet<Double> fromTrace = new java.util.TreeSet<>();
		for (int i = 0; i < all.size(); i++) {
			DicomDiffusionImage img = all.get(i);
			boolean use = img.derivedReason == null || img.traceWeighted && !acquiredB.contains(img.bValue);
			if (!use) {
				derived.add(img.name + ": " + img.derivedReason);
				leftOut.add(img);
				leftOutSources.add(sources.get(i));
				continue;
			}
			if (img.derivedReason != null) fromTrace.add(img.bValue);
			images.add(img);
			used.add(sources.get(i));
		}
		if (images.isEmpty()) {
			DiffusionSeries map = scannerMap(what, leftOut, leftOutSources, notes);
			if (map != null) return map;
		}
		if (!derived.isEmpty()) {
			notes.add("left out " + derived.size() + " derived image(s): " + list(derived));
			notes.add("derived series left out (the scanner's own results, never fitted): " + derivedSeries(leftOut));
		}
		if (!fromTrace.isEmpty()) {
			List<String> bs = new ArrayList<>();
			for (double b : fromTrace) bs.add(DiffusionSeriesBuilder.fmt(b));
			notes.add("used the scanner's trace-weighted images at b = " + String.join(", ", bs)
				+ " (no individual diffusion directions there)");
		}
		if (images.isEmpty()) throw new IvimImportException(what, "holds only derived images (ADC or"
			+ " exponential maps), no diffusion-weighted images: " + list(derived));
		checkOneSeries(what, images);
		Grid grid = new Grid(images, notes);
		String directions = directions(images, grid);
		if (directions != null) notes.add(directions);
		DicomDiffusionImage ref = grid.ref;
		List<DiffusionSeriesBuilder.Entry> entries = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			DicomDiffusionImage img = images.get(i);
			Source src = used.get(i);
			long acquisition = src.order != null ? src.order : img.instanceNumber == Long.MAX_VALUE ? i : img.instanceNumber;
			entries.add(new DiffusionSeriesBuilder.Entry(grid.z[i], img.bValue, acquisition, img.name, src.pixels,
				img.storedUnit));
		}
		List<Double> b = new ArrayList<>();
		float[][][] planes = DiffusionSeriesBuilder.build(what, entries, grid.depth, ref.rows * ref.columns, repeats, order,
			b, notes);
		double[] bValues = b.stream().mapToDouble(Double::doubleValue).toArray();
		java.util.Set<String> bSources = new java.util.LinkedHashSet<>();
		for (DicomDiffusionImage img : images) bSources.add(img.bSource);
		notes.add(0, images.size() + " images: " + grid.depth + " slice(s) x " + bValues.length + " frame(s); b-values from "
			+ String.join(" and ", bSources));
		return new DiffusionSeries(ref.columns, ref.rows, grid.depth, planes, bValues, grid.pw, grid.ph, grid.dz, grid.unit,
			grid.geometry, notes);
	}

	/**
	 * Where images of one series sit: checked to be one stack of equally sized slices, their slice index
	 * along the normal, calibration and the NIfTI geometry dcm2niix would write.
	 */
	private static final class Grid {
		final DicomDiffusionImage ref;
		final int[] z;
		final int depth;
		final double dz, pw, ph;
		final String unit;
		final NiftiGeometry geometry;

		Grid(List<DicomDiffusionImage> images, List<String> notes) throws IvimImportException {
			ref = images.get(0);
			for (DicomDiffusionImage img : images) {
				if (img.rows != ref.rows || img.columns != ref.columns) throw new IvimImportException(img.name, "is "
					+ img.columns + " x " + img.rows + " pixels but " + ref.name + " is " + ref.columns + " x " + ref.rows
					+ ": the images are not all the same size");
				if ((img.position == null || img.orientation == null) != (ref.position == null || ref.orientation == null))
					throw new IvimImportException(img.name, (img.position == null || img.orientation == null
						? "lacks Image Position/Orientation (Patient), which " + ref.name + " has"
						: "has Image Position/Orientation (Patient), which " + ref.name + " lacks")
						+ ": their slice positions cannot be compared");
				if (img.orientation != null && ref.orientation != null
					&& maxDiff(img.orientation, ref.orientation) > 1e-3) throw new IvimImportException(img.name,
					"is oriented differently from " + ref.name + " (Image Orientation (Patient)): not one stack of slices");
			}
			// Slice positions along the normal, merged within tolerance.
			double[] positions = new double[images.size()];
			for (int i = 0; i < positions.length; i++) positions[i] = images.get(i).slicePosition;
			double[] sorted = positions.clone();
			java.util.Arrays.sort(sorted);
			List<Double> slices = new ArrayList<>();
			for (double p : sorted)
				if (slices.isEmpty() || p - slices.get(slices.size() - 1) > SAME_SLICE_MM) slices.add(p);
			depth = slices.size();
			DicomDiffusionImage[] firstAt = new DicomDiffusionImage[depth];
			z = new int[images.size()];
			for (int i = 0; i < images.size(); i++) {
				z[i] = sliceIndex(slices, positions[i]);
				if (firstAt[z[i]] == null) firstAt[z[i]] = images.get(i);
			}
			dz = sliceSpacing(slices, ref, notes);
			if (ref.pixelSpacing != null) {
				ph = ref.pixelSpacing[0];
				pw = ref.pixelSpacing[1];
				unit = "mm";
			}
			else {
				ph = pw = 1;
				unit = "pixel";
				notes.add("no Pixel Spacing (0028,0030): calibration left in pixels");
			}
			geometry = ref.orientation != null && firstAt[0].position != null && ref.pixelSpacing != null
				? DicomDiffusionSeries.geometry(ref, firstAt[0].position, firstAt[depth - 1].position, depth, dz) : null;
		}
	}

	/**
	 * A folder holding only the scanner's parameter maps (ADC, FA, EXP...) of one series, opened as that
	 * map: one value per voxel, no b-values, the same slice order, calibration and geometry as a series.
	 * An ADC map is converted to mm²/s (scanners store integers in 1e-6 mm²/s). Null when the derived
	 * images are not one such map (e.g. trace-weighted images only).
	 */
	private static DiffusionSeries scannerMap(String what, List<DicomDiffusionImage> derived, List<Source> sources,
		List<String> notes) throws IvimImportException
	{
		java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
		for (DicomDiffusionImage img : derived) {
			if (img.mapKind == null) return null;
			kinds.add(img.mapKind);
		}
		if (kinds.size() != 1) throw new IvimImportException(what, "holds only the scanner's derived maps, of "
			+ kinds.size() + " kinds (" + String.join(", ", kinds) + "): put each derived series in its own folder");
		checkOneSeries(what, derived);
		String kind = kinds.iterator().next();
		Grid grid = new Grid(derived, notes);
		float[][][] planes = new float[1][grid.depth][];
		for (int i = 0; i < derived.size(); i++) {
			if (planes[0][grid.z[i]] != null) throw new IvimImportException(derived.get(i).name, "is a second " + kind
				+ " image at the slice position of another one: the folder holds more than one " + kind + " map");
			planes[0][grid.z[i]] = sources.get(i).pixels.read();
			if (planes[0][grid.z[i]].length != grid.ref.rows * grid.ref.columns) throw new IvimImportException(
				derived.get(i).name, "has " + planes[0][grid.z[i]].length + " pixels where the map has "
				+ grid.ref.rows * grid.ref.columns);
		}
		boolean adc = kind.equals("ADC");
		String unit = adc ? "mm\u00b2/s" : "";
		if (adc)
			for (float[] plane : planes[0])
				for (int p = 0; p < plane.length; p++) plane[p] *= 1e-6f;
		DicomDiffusionImage ref = grid.ref;
		String series = seriesName(ref);
		notes.add(0, "the scanner's " + kind + " map" + (series.isEmpty() ? "" : " (" + series + ")") + ": "
			+ derived.size() + " image(s), " + grid.depth + " slice(s); opened as a map, not as a diffusion series to fit");
		if (adc) {
			notes.add(1, "ADC values converted to mm\u00b2/s: the scanner stores integers in 1e-6 mm\u00b2/s (e.g. 800 ="
				+ " 0.0008 mm\u00b2/s)");
			double median = positiveMedian(planes[0]);
			// Tissue ADCs are 1e-4 to 3.5e-3 mm²/s: a map far outside was stored in another unit.
			if (median > 0 && (median < 1e-5 || median > 1e-2)) notes.add(2, String.format(java.util.Locale.ROOT,
				"the median of the map's positive values, %.3g mm\u00b2/s, is far from tissue ADCs (about 0.0001 to 0.0035):"
					+ " this scanner may store another unit; check before comparing", median));
		}
		else notes.add(1, kind + " values as the scanner stores them (e.g. Siemens FA x 1000)");
		return new DiffusionSeries(ref.columns, ref.rows, grid.depth, planes, null, grid.pw, grid.ph, grid.dz, grid.unit,
			grid.geometry, notes, kind, unit);
	}

	/**
	 * "diffusion gradient directions (0018,9089): 20 at b = 2500", counted on the first slice; null when
	 * the images give none.
	 */
	private static String directions(List<DicomDiffusionImage> images, Grid grid) {
		java.util.TreeMap<Double, java.util.Set<String>> byB = new java.util.TreeMap<>();
		for (int i = 0; i < images.size(); i++) {
			DicomDiffusionImage img = images.get(i);
			if (grid.z[i] != 0 || img.gradient == null || !(img.bValue > 0)) continue;
			byB.computeIfAbsent(img.bValue, k -> new java.util.HashSet<>()).add(String.format(java.util.Locale.ROOT,
				"%.4f,%.4f,%.4f", img.gradient[0], img.gradient[1], img.gradient[2]));
		}
		if (byB.isEmpty()) return null;
		List<String> parts = new ArrayList<>();
		for (Map.Entry<Double, java.util.Set<String>> e : byB.entrySet())
			parts.add(e.getValue().size() + " at b = " + DiffusionSeriesBuilder.fmt(e.getKey()));
		return "diffusion gradient directions (0018,9089): " + String.join(", ", parts);
	}

	private static double positiveMedian(float[][] planes) {
		int n = 0;
		for (float[] p : planes)
			for (float v : p) if (v > 0) n++;
		if (n == 0) return 0;
		float[] all = new float[n];
		int k = 0;
		for (float[] p : planes)
			for (float v : p) if (v > 0) all[k++] = v;
		java.util.Arrays.sort(all);
		return all[n / 2];
	}

	/** "series 11 DWI_dir80_PA_ADC", or what of it is known. */
	private static String seriesName(DicomDiffusionImage img) {
		String number = img.seriesNumber == null || img.seriesNumber.isEmpty() ? "" : "series " + img.seriesNumber;
		String desc = img.seriesDescription == null ? "" : img.seriesDescription.trim();
		return (number + (number.isEmpty() || desc.isEmpty() ? "" : " ") + desc).trim();
	}

	/** The derived series left out, each once: name, kind and image count. */
	private static String derivedSeries(List<DicomDiffusionImage> leftOut) {
		Map<String, int[]> count = new LinkedHashMap<>();
		Map<String, String> label = new LinkedHashMap<>();
		for (DicomDiffusionImage img : leftOut) {
			String kind = img.mapKind != null ? img.mapKind + " map" : img.traceWeighted ? "trace-weighted" : "derived";
			String key = img.seriesUid + "|" + kind;
			count.computeIfAbsent(key, k -> new int[1])[0]++;
			String name = seriesName(img);
			label.putIfAbsent(key, (name.isEmpty() ? "series " + (img.seriesUid.isEmpty() ? "(no UID)" : img.seriesUid)
				: name) + " (" + kind);
		}
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, int[]> e : count.entrySet())
			parts.add(label.get(e.getKey()) + ", " + e.getValue()[0] + " image(s))");
		return String.join("; ", parts);
	}

	private static void checkOneSeries(String what, List<DicomDiffusionImage> images) throws IvimImportException {
		Map<String, List<String>> bySeries = new LinkedHashMap<>();
		for (DicomDiffusionImage img : images) bySeries.computeIfAbsent(img.seriesUid, k -> new ArrayList<>()).add(img.name);
		if (bySeries.size() < 2) return;
		StringBuilder sb = new StringBuilder("mixes " + bySeries.size() + " series (Series Instance UID):");
		for (Map.Entry<String, List<String>> e : bySeries.entrySet())
			sb.append(" [").append(e.getKey().isEmpty() ? "no UID" : e.getKey()).append(": ").append(e.getValue().size())
				.append(" image(s), e.g. ").append(e.getValue().get(0)).append(']');
		throw new IvimImportException(what, sb + "; put each series in its own folder");
	}

	private static int sliceIndex(List<Double> slices, double p) {
		int best = 0;
		for (int z = 1; z < slices.size(); z++)
			if (Math.abs(slices.get(z) - p) < Math.abs(slices.get(best) - p)) best = z;
		return best;
	}

	private static double sliceSpacing(List<Double> slices, DicomDiffusionImage ref, List<String> notes) {
		int n = slices.size();
		if (n > 1) {
			double mean = (slices.get(n - 1) - slices.get(0)) / (n - 1);
			for (int z = 1; z < n; z++)
				if (Math.abs(slices.get(z) - slices.get(z - 1) - mean) > 0.01 * mean + 1e-3) {
					notes.add("slice gaps are uneven; the calibration uses their mean, " + mean + " mm");
					break;
				}
			return mean;
		}
		if (ref.spacingBetweenSlices > 0) return ref.spacingBetweenSlices;
		if (ref.sliceThickness > 0) return ref.sliceThickness;
		return 1;
	}

	/** The affine dcm2niix writes: rows flipped, slices along the normal, LPS turned into RAS. */
	private static NiftiGeometry geometry(DicomDiffusionImage ref, double[] first, double[] last, int depth, double dz) {
		double[] r = { ref.orientation[0], ref.orientation[1], ref.orientation[2] };
		double[] c = { ref.orientation[3], ref.orientation[4], ref.orientation[5] };
		double[] n = DicomDiffusionImage.normal(ref.orientation);
		double dx = ref.pixelSpacing[1], dy = ref.pixelSpacing[0];
		double[] k = new double[3];
		for (int i = 0; i < 3; i++) k[i] = depth > 1 ? (last[i] - first[i]) / (depth - 1) : dz * n[i];
		double[][] m = new double[3][4];
		for (int i = 0; i < 3; i++) {
			double sign = i < 2 ? -1 : 1; // LPS -> RAS
			m[i][0] = sign * dx * r[i];
			m[i][1] = sign * -dy * c[i];
			m[i][2] = sign * k[i];
			m[i][3] = sign * (first[i] + (ref.rows - 1) * dy * c[i]);
		}
		return NiftiGeometry.fromAffine(m, 1);
	}

	private static double maxDiff(double[] a, double[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	private static String list(List<String> items) {
		int show = Math.min(items.size(), 5);
		String s = String.join("; ", items.subList(0, show));
		return items.size() > show ? s + "; ... (" + (items.size() - show) + " more)" : s;
	}
}

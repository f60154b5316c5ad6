package org.ivimj.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

	/** One image to arrange: its header and where its pixels come from. */
	public static final class Source {
		final String name;
		final DicomAttributes attributes;
		final DiffusionSeriesBuilder.PlaneSource pixels;

		public Source(String name, DicomAttributes attributes, DiffusionSeriesBuilder.PlaneSource pixels) {
			this.name = name;
			this.attributes = attributes;
			this.pixels = pixels;
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
		for (Path f : files) {
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
			sources.add(new Source(f.getFileName().toString(), d.attributes(), () -> DicomFile.read(f).pixels()));
		}
		if (sources.isEmpty()) throw new IvimImportException(folder.toString(), "holds no DICOM images"
			+ (skipped.isEmpty() ? "" : " (" + skipped.size() + " other files)"));
		List<String> notes = new ArrayList<>();
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
		List<DiffusionSeriesBuilder.PlaneSource> pixels = new ArrayList<>();
		List<String> derived = new ArrayList<>();
		java.util.TreeSet<Double> fromTrace = new java.util.TreeSet<>();
		for (int i = 0; i < all.size(); i++) {
			DicomDiffusionImage img = all.get(i);
			boolean use = img.derivedReason == null || img.traceWeighted && !acquiredB.contains(img.bValue);
			if (!use) {
				derived.add(img.name + ": " + img.derivedReason);
				continue;
			}
			if (img.derivedReason != null) fromTrace.add(img.bValue);
			images.add(img);
			pixels.add(sources.get(i).pixels);
		}
		if (!derived.isEmpty()) notes.add("left out " + derived.size() + " derived image(s): " + list(derived));
		if (!fromTrace.isEmpty()) {
			List<String> bs = new ArrayList<>();
			for (double b : fromTrace) bs.add(DiffusionSeriesBuilder.fmt(b));
			notes.add("used the scanner's trace-weighted images at b = " + String.join(", ", bs)
				+ " (no individual diffusion directions there)");
		}
		if (images.isEmpty()) throw new IvimImportException(what, "holds only derived images (ADC or"
			+ " exponential maps), no diffusion-weighted images: " + list(derived));
		checkOneSeries(what, images);
		DicomDiffusionImage ref = images.get(0);
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
		List<Double> positions = new ArrayList<>();
		for (DicomDiffusionImage img : images) positions.add(img.slicePosition);
		positions.sort(Comparator.naturalOrder());
		List<Double> slices = new ArrayList<>();
		List<DicomDiffusionImage> firstAt = new ArrayList<>();
		for (double p : positions)
			if (slices.isEmpty() || p - slices.get(slices.size() - 1) > SAME_SLICE_MM) slices.add(p);
		for (int z = 0; z < slices.size(); z++) firstAt.add(null);
		List<DiffusionSeriesBuilder.Entry> entries = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			DicomDiffusionImage img = images.get(i);
			int z = sliceIndex(slices, img.slicePosition);
			if (firstAt.get(z) == null) firstAt.set(z, img);
			long acquisition = img.instanceNumber == Long.MAX_VALUE ? i : img.instanceNumber;
			entries.add(new DiffusionSeriesBuilder.Entry(z, img.bValue, acquisition, img.name, pixels.get(i)));
		}
		int depth = slices.size();
		double dz = sliceSpacing(slices, ref, notes);
		double pw = 1, ph = 1;
		String unit = "mm";
		if (ref.pixelSpacing != null) {
			ph = ref.pixelSpacing[0];
			pw = ref.pixelSpacing[1];
		}
		else {
			unit = "pixel";
			notes.add("no Pixel Spacing (0028,0030): calibration left in pixels");
		}
		NiftiGeometry geometry = null;
		if (ref.orientation != null && firstAt.get(0).position != null && ref.pixelSpacing != null)
			geometry = geometry(ref, firstAt.get(0).position, firstAt.get(depth - 1).position, depth, dz);
		List<Double> b = new ArrayList<>();
		float[][][] planes = DiffusionSeriesBuilder.build(what, entries, depth, ref.rows * ref.columns, repeats, order, b);
		double[] bValues = b.stream().mapToDouble(Double::doubleValue).toArray();
		java.util.Set<String> bSources = new java.util.LinkedHashSet<>();
		for (DicomDiffusionImage img : images) bSources.add(img.bSource);
		notes.add(0, images.size() + " images: " + depth + " slice(s) x " + bValues.length + " frame(s); b-values from "
			+ String.join(" and ", bSources));
		return new DiffusionSeries(ref.columns, ref.rows, depth, planes, bValues, pw, ph, dz, unit, geometry, notes);
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

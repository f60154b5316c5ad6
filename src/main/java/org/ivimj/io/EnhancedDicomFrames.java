package org.ivimj.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An enhanced (multi-frame) DICOM image — Enhanced MR Image Storage, as current Siemens (XA) and Philips
 * scanners export, one file per volume or one file per series — split into one {@link DicomDiffusionSeries.Source}
 * per frame. Each frame's header is the file's top-level attributes overlaid with the Shared, then the
 * Per-frame Functional Groups (5200,9229 / 5200,9230): MR Diffusion (b-value, directionality, gradient
 * direction), Plane Position and Orientation, Pixel Measures, Pixel Value Transformation (rescale per
 * frame), Frame Content (Dimension Index Values, Temporal Position Index) and MR Image Frame Type (the
 * frame's Image Type). The same rules as for single-frame images then apply to every frame.
 */
public final class EnhancedDicomFrames {

	/** The functional group macros read; their nested sequences are read too. */
	private static final Set<Integer> MACROS = Set.of(DicomTags.MR_DIFFUSION_SEQUENCE,
		DicomTags.DIFFUSION_GRADIENT_DIRECTION_SEQUENCE, DicomTags.PLANE_POSITION_SEQUENCE,
		DicomTags.PLANE_ORIENTATION_SEQUENCE, DicomTags.PIXEL_MEASURES_SEQUENCE,
		DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, DicomTags.FRAME_CONTENT_SEQUENCE,
		DicomTags.MR_IMAGE_FRAME_TYPE_SEQUENCE);
	/** Dimension index pointers that say where a frame is in space, not which volume it belongs to. */
	private static final Set<Integer> SPATIAL = Set.of(DicomTags.IN_STACK_POSITION_NUMBER,
		DicomTags.IMAGE_POSITION_PATIENT, DicomTags.SLICE_LOCATION);

	private EnhancedDicomFrames() {}

	/**
	 * Whether a file is to be read frame by frame: more than one frame, or functional groups (an enhanced
	 * image with a single frame).
	 */
	public static boolean isMultiFrame(DicomFile f) throws IvimImportException {
		DicomAttributes a = f.attributes();
		return f.frameCount() > 1 || a.hasSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)
			|| a.hasSequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
	}

	/**
	 * One source per frame, named "{@code fileName} frame k", ordered for acquisition by the file's
	 * Instance Number (else {@code fileIndex}), then the frame's Temporal Position Index and non-spatial
	 * Dimension Index Values, then frame number.
	 *
	 * @param fileIndex the file's place among the folder's files, for files without an Instance Number
	 */
	public static List<DicomDiffusionSeries.Source> sources(String fileName, DicomFile f, long fileIndex)
		throws IvimImportException
	{
		DicomAttributes top = f.attributes();
		int n = f.frameCount();
		f.checkFrames();
		boolean hasPerFrame = top.hasSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
		boolean hasShared = top.hasSequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
		List<DicomAttributes> perFrame = top.sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
		if (!hasPerFrame && !hasShared) throw new IvimImportException(fileName, "is a multi-frame DICOM with " + n
			+ " frames but no functional groups (Shared and Per-frame Functional Groups Sequences, 5200,9229 and"
			+ " 5200,9230), so the position and b-value of each frame are unknown: export the series as enhanced MR"
			+ " images with functional groups or as single-frame images, or convert it with dcm2niix");
		if (n > 1 && perFrame.size() != n) throw new IvimImportException(fileName, perFrame.isEmpty()
			? "has " + n + " frames but no Per-frame Functional Groups (5200,9230): the position and b-value of each"
				+ " frame are unknown (the file is incomplete: export it again or convert the series with dcm2niix)"
			: "has " + perFrame.size() + " Per-frame Functional Groups (5200,9230) items for its " + n + " frames"
				+ " (Number of Frames, 0028,0008): the file is inconsistent");
		List<DicomAttributes> sharedItems = top.sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
		DicomAttributes shared = sharedItems.isEmpty() ? null : sharedItems.get(0);
		int[] spatial = spatialDimensions(top);
		double instance = number(fileName, top, DicomTags.INSTANCE_NUMBER);
		long fileKey = Double.isNaN(instance) || instance < 0 || instance > 1e9 ? fileIndex : (long) instance;
		List<DicomAttributes> frames = new ArrayList<>(n);
		List<long[]> keys = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String name = fileName + " frame " + (i + 1);
			DicomAttributes a = top.copy();
			a.remove(DicomTags.NUMBER_OF_FRAMES);
			if (shared != null) overlay(a, shared);
			if (i < perFrame.size()) overlay(a, perFrame.get(i));
			if (a.has(DicomTags.FRAME_TYPE)) a.put(DicomTags.IMAGE_TYPE, a.string(DicomTags.FRAME_TYPE));
			frames.add(a);
			keys.add(volumeKey(name, a, spatial, i));
		}
		int width = 0;
		for (long[] k : keys) width = Math.max(width, k.length);
		for (int i = 0; i < n; i++) keys.set(i, padded(keys.get(i), width));
		// Acquisition rank of each frame within the file.
		Integer[] byKey = new Integer[n];
		for (int i = 0; i < n; i++) byKey[i] = i;
		Arrays.sort(byKey, Comparator.comparing(keys::get, EnhancedDicomFrames::compare));
		long[] rank = new long[n];
		for (int r = 0; r < n; r++) rank[byKey[r]] = r;
		List<DicomDiffusionSeries.Source> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String name = fileName + " frame " + (i + 1);
			DicomAttributes a = frames.get(i);
			double slope = number(name, a, DicomTags.RESCALE_SLOPE), intercept = number(name, a, DicomTags.RESCALE_INTERCEPT);
			final double s = Double.isNaN(slope) ? 1 : slope, c = Double.isNaN(intercept) ? 0 : intercept;
			final int index = i;
			out.add(new DicomDiffusionSeries.Source(name, a, () -> f.frame(index, s, c), fileKey * 1_000_000L + rank[i]));
		}
		return out;
	}

	/** Copies the values of the functional group macros (and their nested sequences) of one group item. */
	private static void overlay(DicomAttributes target, DicomAttributes group) {
		for (int tag : group.sequenceTags()) {
			if (!MACROS.contains(tag)) continue;
			List<DicomAttributes> items = group.sequence(tag);
			if (items.isEmpty()) continue;
			target.putAll(items.get(0));
			overlay(target, items.get(0));
		}
	}

	/** Positions in Dimension Index Values (0020,9157) whose pointer is spatial (slice position). */
	private static int[] spatialDimensions(DicomAttributes top) {
		List<DicomAttributes> dims = top.sequence(DicomTags.DIMENSION_INDEX_SEQUENCE);
		List<Integer> out = new ArrayList<>();
		for (int d = 0; d < dims.size(); d++) {
			double pointer;
			try {
				pointer = dims.get(d).number(DicomTags.DIMENSION_INDEX_POINTER);
			}
			catch (NumberFormatException e) {
				continue;
			}
			if (!Double.isNaN(pointer) && SPATIAL.contains((int) (long) pointer)) out.add(d);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Temporal Position Index, the non-spatial Dimension Index Values, then the frame number. */
	private static long[] volumeKey(String name, DicomAttributes a, int[] spatial, int frame) throws IvimImportException {
		List<Long> key = new ArrayList<>();
		double tpi = number(name, a, DicomTags.TEMPORAL_POSITION_INDEX);
		key.add(Double.isNaN(tpi) ? 0 : (long) tpi);
		double[] dims;
		try {
			dims = a.numbers(DicomTags.DIMENSION_INDEX_VALUES);
		}
		catch (NumberFormatException e) {
			dims = null;
		}
		if (dims != null)
			for (int d = 0; d < dims.length; d++)
				if (Arrays.binarySearch(spatial, d) < 0) key.add((long) dims[d]);
		key.add((long) frame);
		return key.stream().mapToLong(Long::longValue).toArray();
	}

	/** The key with missing dimension indices (as -1) inserted before the frame number. */
	private static long[] padded(long[] key, int width) {
		if (key.length == width) return key;
		long[] out = new long[width];
		Arrays.fill(out, -1);
		System.arraycopy(key, 0, out, 0, key.length - 1);
		out[width - 1] = key[key.length - 1];
		return out;
	}

	private static int compare(long[] x, long[] y) {
		for (int i = 0; i < x.length; i++)
			if (x[i] != y[i]) return Long.compare(x[i], y[i]);
		return 0;
	}

	private static double number(String name, DicomAttributes a, int tag) throws IvimImportException {
		try {
			return a.number(tag);
		}
		catch (NumberFormatException e) {
			throw new IvimImportException(name, "has a non-numeric " + DicomTags.format(tag) + " '" + a.string(tag) + "'");
		}
	}
}

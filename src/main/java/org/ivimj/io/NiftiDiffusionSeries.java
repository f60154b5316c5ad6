package org.ivimj.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A NIfTI-1 diffusion image with its FSL .bval, arranged exactly like a DICOM series (see
 * {@link DicomDiffusionSeries}): frames by b-value, repeats combined as asked.
 */
public final class NiftiDiffusionSeries {

	private NiftiDiffusionSeries() {}

	/**
	 * Reads {@code nifti} and its b-values from {@code bval}, or from the .bval beside it when
	 * {@code bval} is null. A single-volume file without a .bval gives one frame and no b-values (e.g. a
	 * parameter map read back); several volumes without one is an error.
	 */
	public static DiffusionSeries read(Path nifti, Path bval, RepeatHandling repeats, VolumeOrder order)
		throws IvimImportException
	{
		if (!Files.isRegularFile(nifti)) throw new IvimImportException(nifti.toString(), "does not exist");
		Path bvalPath = bval != null ? bval : BvalFile.besideNifti(nifti);
		if (bval != null && !Files.isRegularFile(bval)) throw new IvimImportException(bval.toString(), "does not exist");
		NiftiImage img = NiftiReader.read(nifti);
		double[] b = null;
		if (Files.isRegularFile(bvalPath)) {
			b = BvalFile.read(bvalPath);
			if (bAlongThirdAxis(img, b)) return arrangeBAlongThirdAxis(nifti.toString(), img, b, repeats, order);
			if (b.length != img.volumeCount()) throw new IvimImportException(bvalPath.toString(), "holds " + b.length
				+ " b-value(s) but " + nifti.getFileName() + " has " + img.volumeCount() + " volume(s)"
				+ (img.volumeCount() == 1 ? " of " + img.depth + " slice(s)" : ""));
		}
		else if (img.volumeCount() > 1) throw new IvimImportException(nifti.toString(), "has " + img.volumeCount()
			+ " volumes but no b-value file " + bvalPath.getFileName() + " beside it; give the .bval file");
		return arrange(nifti.toString(), img, b, repeats, order);
	}

	/**
	 * Whether a 3-D file holds one slice per b-value along its third axis (as dipy's example data ships):
	 * one volume, more than one b-value, and as many b-values as slices.
	 */
	public static boolean bAlongThirdAxis(NiftiImage img, double[] b) {
		return img.volumeCount() == 1 && b != null && b.length > 1 && b.length == img.depth;
	}

	/**
	 * A 3-D file whose third axis is the b-value: one slice, a frame per b-value. Its qform/sform place that
	 * slice (voxel k = 0), so maps computed from it (one slice) are saved where the scanner had them.
	 */
	public static DiffusionSeries arrangeBAlongThirdAxis(String name, NiftiImage img, double[] b, RepeatHandling repeats,
		VolumeOrder order) throws IvimImportException
	{
		float[][][] volumes = new float[img.depth][1][];
		for (int k = 0; k < img.depth; k++) volumes[k][0] = img.volumes[0][k];
		return arrange(name, img, volumes, 1, b, repeats, order, "3-D image with its " + b.length + " b-values along"
			+ " the third axis (one slice per b-value, as in dipy's example data): opened as 1 slice x " + b.length
			+ " b-value(s)");
	}

	/** Arranges volumes already read; {@code b} may be null for a single volume. */
	public static DiffusionSeries arrange(String name, NiftiImage img, double[] b, RepeatHandling repeats,
		VolumeOrder order) throws IvimImportException
	{
		return arrange(name, img, img.volumes, img.depth, b, repeats, order, null);
	}

	private static DiffusionSeries arrange(String name, NiftiImage img, float[][][] volumes, int depth, double[] b,
		RepeatHandling repeats, VolumeOrder order, String note) throws IvimImportException
	{
		double[] vox = img.voxelSize();
		List<String> notes = new ArrayList<>();
		if (note != null) notes.add(note);
		float[][][] planes;
		double[] bValues;
		if (b == null) {
			planes = volumes;
			bValues = null;
			notes.add("no .bval: image read without b-values");
		}
		else {
			double unit = storedUnit(img.header);
			List<DiffusionSeriesBuilder.Entry> entries = new ArrayList<>();
			for (int t = 0; t < volumes.length; t++)
				for (int z = 0; z < depth; z++) {
					float[] plane = volumes[t][z];
					entries.add(new DiffusionSeriesBuilder.Entry(z, b[t], t, "volume " + (t + 1), () -> plane, unit));
				}
			List<Double> bOut = new ArrayList<>();
			planes = DiffusionSeriesBuilder.build(name, entries, depth, img.width * img.height, repeats, order, bOut, notes);
			bValues = bOut.stream().mapToDouble(Double::doubleValue).toArray();
			notes.add(volumes.length + " volume(s) of " + depth + " slice(s) -> " + bValues.length + " frame(s)");
		}
		// With one slice the third voxel size is the slice thickness, whatever the file's third axis held.
		return new DiffusionSeries(img.width, img.height, depth, planes, bValues, vox[0], vox[1], vox[2], img.unit(),
			img.header.geometry, notes);
	}

	/** One stored step for integer datatypes (|scl_slope|, 1 when unset); 0 for floating-point data. */
	private static double storedUnit(NiftiHeader h) {
		if (h.datatype == NiftiHeader.DT_FLOAT32 || h.datatype == NiftiHeader.DT_FLOAT64) return 0;
		double slope = h.sclSlope;
		return slope == 0 || !Double.isFinite(slope) ? 1 : Math.abs(slope);
	}
}

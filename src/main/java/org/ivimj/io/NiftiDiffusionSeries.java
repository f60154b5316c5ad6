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
			if (b.length != img.volumeCount()) throw new IvimImportException(bvalPath.toString(), "holds " + b.length
				+ " b-value(s) but " + nifti.getFileName() + " has " + img.volumeCount() + " volume(s)");
		}
		else if (img.volumeCount() > 1) throw new IvimImportException(nifti.toString(), "has " + img.volumeCount()
			+ " volumes but no b-value file " + bvalPath.getFileName() + " beside it; give the .bval file");
		return arrange(nifti.toString(), img, b, repeats, order);
	}

	/** Arranges volumes already read; {@code b} may be null for a single volume. */
	public static DiffusionSeries arrange(String name, NiftiImage img, double[] b, RepeatHandling repeats,
		VolumeOrder order) throws IvimImportException
	{
		double[] vox = img.voxelSize();
		List<String> notes = new ArrayList<>();
		float[][][] planes;
		double[] bValues;
		if (b == null) {
			planes = img.volumes;
			bValues = null;
			notes.add("no .bval: image read without b-values");
		}
		else {
			List<DiffusionSeriesBuilder.Entry> entries = new ArrayList<>();
			for (int t = 0; t < img.volumeCount(); t++)
				for (int z = 0; z < img.depth; z++) {
					float[] plane = img.volumes[t][z];
					entries.add(new DiffusionSeriesBuilder.Entry(z, b[t], t, "volume " + (t + 1), () -> plane));
				}
			List<Double> bOut = new ArrayList<>();
			planes = DiffusionSeriesBuilder.build(name, entries, img.depth, img.width * img.height, repeats, order, bOut);
			bValues = bOut.stream().mapToDouble(Double::doubleValue).toArray();
			notes.add(img.volumeCount() + " volume(s) of " + img.depth + " slice(s) -> " + bValues.length + " frame(s)");
		}
		return new DiffusionSeries(img.width, img.height, img.depth, planes, bValues, vox[0], vox[1], vox[2], img.unit(),
			img.header.geometry, notes);
	}
}

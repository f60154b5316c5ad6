package org.ivimj.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes float32 single-file NIfTI-1 (.nii, or .nii.gz when the name ends so) that FSL, dcm2niix's users
 * (nibabel, MRIcroGL) open: millimetre voxel sizes, the source's qform/sform when known, rows flipped
 * back to NIfTI's bottom-up order.
 */
public final class NiftiWriter {

	private NiftiWriter() {}

	/**
	 * @param volumes volumes[t][z], each width * height floats, top row first (ImageJ order)
	 * @param voxelSize x, y, z voxel size in millimetres
	 * @param geometry position in the scanner, or null when unknown (qform and sform codes 0)
	 */
	public static void write(Path file, int width, int height, float[][][] volumes, double[] voxelSize,
		NiftiGeometry geometry, String description) throws IOException
	{
		int t = volumes.length, d = volumes[0].length;
		if (width > Short.MAX_VALUE || height > Short.MAX_VALUE || d > Short.MAX_VALUE || t > Short.MAX_VALUE)
			throw new IvimImportException(file.toString(), "cannot be written: NIfTI-1 sizes are limited to 32767");
		NiftiHeader h = new NiftiHeader();
		h.dim[0] = (short) (t > 1 ? 4 : 3);
		h.dim[1] = (short) width;
		h.dim[2] = (short) height;
		h.dim[3] = (short) d;
		h.dim[4] = (short) t;
		for (int i = 5; i < 8; i++) h.dim[i] = 1;
		h.pixdim[1] = (float) voxelSize[0];
		h.pixdim[2] = (float) voxelSize[1];
		h.pixdim[3] = (float) voxelSize[2];
		h.pixdim[4] = 1;
		h.datatype = NiftiHeader.DT_FLOAT32;
		h.sclSlope = 1;
		h.sclInter = 0;
		h.descrip = description == null ? "" : description;
		if (geometry != null) h.geometry = geometry;
		boolean gz = file.getFileName().toString().toLowerCase().endsWith(".gz");
		boolean written = false;
		try {
			try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
				OutputStream out = gz ? new GZIPOutputStream(raw, 1 << 16) : raw)
			{
				out.write(h.toBytes());
				ByteBuffer row = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
				for (float[][] volume : volumes)
					for (float[] plane : volume) {
						if (plane.length != width * height) throw new IllegalArgumentException("plane of " + plane.length
							+ " pixels in a " + width + " x " + height + " image");
						for (int j = 0; j < height; j++) {
							row.clear();
							int offset = (height - 1 - j) * width;
							for (int i = 0; i < width; i++) row.putFloat(plane[offset + i]);
							out.write(row.array());
						}
					}
			}
			written = true;
		}
		finally {
			// No half-written file is left behind to be mistaken for a result.
			if (!written) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException | RuntimeException e) {
					// keep the original failure
				}
			}
		}
	}
}

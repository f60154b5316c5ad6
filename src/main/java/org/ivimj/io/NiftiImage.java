package org.ivimj.io;

/**
 * The voxels of a NIfTI-1 file as floats (scl_slope and scl_inter applied), volumes[t][z] each a
 * width * height slice with rows flipped so row 0 is at the top, as ImageJ shows it.
 */
public final class NiftiImage {

	public final NiftiHeader header;
	public final int width, height, depth;
	public final float[][][] volumes;

	public NiftiImage(NiftiHeader header, float[][][] volumes) {
		this.header = header;
		this.width = header.size(1);
		this.height = header.size(2);
		this.depth = header.size(3);
		this.volumes = volumes;
	}

	/** Number of volumes (dim[4], 1 for a 3-D file). */
	public int volumeCount() {
		return volumes.length;
	}

	/** Voxel size in millimetres (or in {@link #unit()}) along x, y, z; 1 where the header gives none. */
	public double[] voxelSize() {
		double scale = 1;
		int u = header.xyztUnits & 7;
		if (u == NiftiHeader.UNITS_METER) scale = 1000;
		double[] v = new double[3];
		for (int i = 0; i < 3; i++) {
			double p = Math.abs(header.pixdim[i + 1]);
			v[i] = p > 0 && Double.isFinite(p) ? p * scale : 1;
		}
		return v;
	}

	/** "mm", or "micron" when the file says so. */
	public String unit() {
		return (header.xyztUnits & 7) == NiftiHeader.UNITS_MICRON ? "micron" : "mm";
	}
}

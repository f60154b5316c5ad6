package org.ivimj.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds NIfTI-1 bytes for tests: any datatype, byte order, scaling and units. */
final class NiftiTestFiles {

	private NiftiTestFiles() {}

	/**
	 * A file of {@code w x h x d x t} voxels, voxel value = index in file order (times 1 for integer types,
	 * plus 0.5 for real types), pixdim 1.5 x 2 x 3.
	 */
	static byte[] build(int w, int h, int d, int t, short datatype, ByteOrder order, float slope, float inter, int units) {
		NiftiHeader hd = new NiftiHeader();
		hd.order = order;
		hd.dim[0] = (short) (t > 1 ? 4 : 3);
		hd.dim[1] = (short) w;
		hd.dim[2] = (short) h;
		hd.dim[3] = (short) d;
		hd.dim[4] = (short) t;
		for (int i = 5; i < 8; i++) hd.dim[i] = 1;
		hd.pixdim[1] = 1.5f;
		hd.pixdim[2] = 2f;
		hd.pixdim[3] = 3f;
		hd.datatype = datatype;
		hd.sclSlope = slope;
		hd.sclInter = inter;
		hd.xyztUnits = units;
		hd.geometry = NiftiGeometry.fromAffine(new double[][] { { -1.5, 0, 0, 90 }, { 0, 2, 0, -120 }, { 0, 0, 3, -60 } }, 1);
		int n = w * h * d * t;
		int bpv = NiftiHeader.bytesPerVoxel(datatype);
		ByteBuffer b = ByteBuffer.allocate(352 + n * bpv).order(order);
		b.put(hd.toBytes());
		for (int i = 0; i < n; i++) {
			switch (datatype) {
				case NiftiHeader.DT_UINT8: case NiftiHeader.DT_INT8: b.put((byte) i); break;
				case NiftiHeader.DT_INT16: case NiftiHeader.DT_UINT16: b.putShort((short) i); break;
				case NiftiHeader.DT_INT32: case NiftiHeader.DT_UINT32: b.putInt(i); break;
				case NiftiHeader.DT_FLOAT32: b.putFloat(i + 0.5f); break;
				case NiftiHeader.DT_FLOAT64: b.putDouble(i + 0.5); break;
				case NiftiHeader.DT_INT64: case NiftiHeader.DT_UINT64: b.putLong(i); break;
				default: throw new IllegalArgumentException("datatype " + datatype);
			}
		}
		return b.array();
	}
}

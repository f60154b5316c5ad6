package org.ivimj.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The NIfTI-1 header fields IVIM-J reads and writes (348 bytes; single-file ".nii" form, magic "n+1").
 * {@link #parse} checks every field it relies on and reports what is wrong.
 */
public final class NiftiHeader {

	public static final int SIZE = 348;
	public static final short DT_UINT8 = 2, DT_INT16 = 4, DT_INT32 = 8, DT_FLOAT32 = 16, DT_FLOAT64 = 64, DT_INT8 = 256,
		DT_UINT16 = 512, DT_UINT32 = 768, DT_INT64 = 1024, DT_UINT64 = 1280;
	/** xyzt_units: spatial codes and seconds. */
	public static final int UNITS_METER = 1, UNITS_MM = 2, UNITS_MICRON = 3, UNITS_SEC = 8;

	public ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	/** dim[0] = number of dimensions, dim[1..7] sizes. */
	public final short[] dim = new short[8];
	public short datatype = DT_FLOAT32;
	public final float[] pixdim = new float[8];
	public float voxOffset = 352;
	public float sclSlope = 0, sclInter = 0;
	public int xyztUnits = UNITS_MM | UNITS_SEC;
	public String descrip = "";
	public NiftiGeometry geometry = new NiftiGeometry(0, 0, 0, 0, 0, 0, 0, 0, 1, new double[][] { { 0, 0, 0, 0 },
		{ 0, 0, 0, 0 }, { 0, 0, 0, 0 } });

	/** Bytes per voxel of the datatype, or 0 when not supported. */
	public static int bytesPerVoxel(int datatype) {
		switch (datatype) {
			case DT_UINT8: case DT_INT8: return 1;
			case DT_INT16: case DT_UINT16: return 2;
			case DT_INT32: case DT_UINT32: case DT_FLOAT32: return 4;
			case DT_FLOAT64: case DT_INT64: case DT_UINT64: return 8;
			default: return 0;
		}
	}

	/** Size along dimension d (1-based), 1 when beyond dim[0]. */
	public int size(int d) {
		return d <= dim[0] ? dim[d] : 1;
	}

	/** Parses and checks the first 348 bytes of a file. */
	public static NiftiHeader parse(String name, byte[] bytes) throws IvimImportException {
		if (bytes.length < SIZE) throw new IvimImportException(name, "is truncated: " + bytes.length
			+ " bytes, shorter than a NIfTI-1 header (348)");
		ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
		NiftiHeader h = new NiftiHeader();
		int size = b.getInt(0);
		if (size != SIZE) {
			b.order(ByteOrder.BIG_ENDIAN);
			int swapped = b.getInt(0);
			if (swapped != SIZE) {
				if (size == 540 || swapped == 540) throw new IvimImportException(name,
					"is a NIfTI-2 file, which is not supported: convert it to NIfTI-1 (e.g. nibabel, or dcm2niix without -2)");
				throw new IvimImportException(name, "is not a NIfTI-1 file (header size field " + size + ", expected 348)");
			}
		}
		h.order = b.order();
		String magic = new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
		if (magic.equals("ni1\0")) throw new IvimImportException(name, "is the header of a .hdr/.img pair, which is not"
			+ " supported: convert it to a single .nii file (e.g. fslchfiletype NIFTI)");
		if (!magic.equals("n+1\0")) throw new IvimImportException(name, "is not a NIfTI-1 file (magic '"
			+ magic.replace("\0", "\\0") + "', expected 'n+1')");
		for (int i = 0; i < 8; i++) h.dim[i] = b.getShort(40 + 2 * i);
		if (h.dim[0] < 1 || h.dim[0] > 7) throw new IvimImportException(name, "has an invalid number of dimensions dim[0] = "
			+ h.dim[0]);
		for (int i = 1; i <= h.dim[0]; i++)
			if (h.dim[i] < 1) throw new IvimImportException(name, "has an invalid size dim[" + i + "] = " + h.dim[i]);
		for (int i = 5; i <= h.dim[0]; i++)
			if (h.dim[i] > 1) throw new IvimImportException(name, "has " + h.dim[0] + " dimensions (dim[" + i + "] = "
				+ h.dim[i] + "); only 3-D and 4-D images are supported");
		h.datatype = b.getShort(70);
		if (bytesPerVoxel(h.datatype) == 0) throw new IvimImportException(name, "has datatype " + h.datatype
			+ " (e.g. complex or RGB), which is not supported: use an integer or real datatype");
		for (int i = 0; i < 8; i++) h.pixdim[i] = b.getFloat(76 + 4 * i);
		h.voxOffset = b.getFloat(108);
		if (!(h.voxOffset >= SIZE) || h.voxOffset > Integer.MAX_VALUE) throw new IvimImportException(name,
			"has an invalid vox_offset " + h.voxOffset + " (must be at least 348)");
		h.sclSlope = b.getFloat(112);
		h.sclInter = b.getFloat(116);
		h.xyztUnits = bytes[123] & 0xFF;
		h.descrip = new String(bytes, 148, 80, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
		int qformCode = b.getShort(252), sformCode = b.getShort(254);
		double[][] srow = new double[3][4];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
		h.geometry = new NiftiGeometry(qformCode, sformCode, b.getFloat(256), b.getFloat(260), b.getFloat(264),
			b.getFloat(268), b.getFloat(272), b.getFloat(276), h.pixdim[0] < 0 ? -1 : 1, srow);
		return h;
	}

	/** The header as 348 bytes plus the 4-byte empty extension flag (vox_offset 352). */
	public byte[] toBytes() {
		ByteBuffer b = ByteBuffer.allocate(352).order(order);
		b.putInt(0, SIZE);
		b.put(38, (byte) 'r'); // regular = 'r', as FSL writes
		for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, dim[i]);
		b.putShort(70, datatype);
		b.putShort(72, (short) (8 * bytesPerVoxel(datatype)));
		float[] pd = pixdim.clone();
		pd[0] = (float) geometry.qfac;
		for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pd[i]);
		b.putFloat(108, 352);
		b.putFloat(112, sclSlope);
		b.putFloat(116, sclInter);
		b.put(123, (byte) xyztUnits);
		byte[] d = descrip.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < Math.min(79, d.length); i++) b.put(148 + i, d[i]);
		b.putShort(252, (short) geometry.qformCode);
		b.putShort(254, (short) geometry.sformCode);
		b.putFloat(256, (float) geometry.quaternB);
		b.putFloat(260, (float) geometry.quaternC);
		b.putFloat(264, (float) geometry.quaternD);
		b.putFloat(268, (float) geometry.qoffsetX);
		b.putFloat(272, (float) geometry.qoffsetY);
		b.putFloat(276, (float) geometry.qoffsetZ);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) b.putFloat(280 + 16 * r + 4 * c, (float) geometry.srow[r][c]);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
		return b.array();
	}
}

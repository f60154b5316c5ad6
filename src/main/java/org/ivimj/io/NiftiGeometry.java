package org.ivimj.io;

import java.util.Locale;

/**
 * Where a volume sits in the scanner: the NIfTI-1 qform and sform of the file it came from (or that
 * dcm2niix would have written for a DICOM series), mapping file voxel indices (i, j, k) to RAS
 * millimetres. Kept with an imported image as one line of text so that a map computed from it and
 * saved as NIfTI lines up with the original in FSL, MRIcroGL or nibabel.
 * <p>
 * File row j = 0 is the bottom row of an ImageJ image (ImageJ rows run top-down, NIfTI j runs
 * posterior to anterior for axial slices), which is why the importers flip rows.
 */
public final class NiftiGeometry {

	/** 0 = unknown, 1 = scanner anatomical, 2 = aligned, 3 = Talairach, 4 = MNI. */
	public final int qformCode, sformCode;
	/** Quaternion b, c, d and offsets x, y, z of the qform; qfac is -1 or 1. */
	public final double quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ, qfac;
	/** sform rows x, y, z (4 numbers each). */
	public final double[][] srow;

	public NiftiGeometry(int qformCode, int sformCode, double quaternB, double quaternC, double quaternD,
		double qoffsetX, double qoffsetY, double qoffsetZ, double qfac, double[][] srow)
	{
		this.qformCode = qformCode;
		this.sformCode = sformCode;
		this.quaternB = quaternB;
		this.quaternC = quaternC;
		this.quaternD = quaternD;
		this.qoffsetX = qoffsetX;
		this.qoffsetY = qoffsetY;
		this.qoffsetZ = qoffsetZ;
		this.qfac = qfac >= 0 ? 1 : -1;
		this.srow = new double[3][];
		for (int r = 0; r < 3; r++) this.srow[r] = srow[r].clone();
	}

	/**
	 * The geometry of a voxel-to-RAS matrix (3 x 4: columns i, j, k and offset), as both sform and qform
	 * with the given code; the qform keeps the rotation (the matrix's column lengths are the voxel size).
	 */
	public static NiftiGeometry fromAffine(double[][] m, int code) {
		double[][] r = new double[3][3];
		for (int c = 0; c < 3; c++) {
			double len = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
			if (len == 0) len = 1;
			for (int row = 0; row < 3; row++) r[row][c] = m[row][c] / len;
		}
		double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
			+ r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
		double qfac = 1;
		if (det < 0) {
			qfac = -1;
			for (int row = 0; row < 3; row++) r[row][2] = -r[row][2];
		}
		// nifti1_io.c's nifti_mat44_to_quatern, without its polar decomposition (DICOM axes are orthonormal).
		double a = r[0][0] + r[1][1] + r[2][2] + 1, b, c, d;
		if (a > 0.5) {
			a = 0.5 * Math.sqrt(a);
			b = 0.25 * (r[2][1] - r[1][2]) / a;
			c = 0.25 * (r[0][2] - r[2][0]) / a;
			d = 0.25 * (r[1][0] - r[0][1]) / a;
		}
		else {
			double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
			double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
			double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
			if (xd > 1) {
				b = 0.5 * Math.sqrt(xd);
				c = 0.25 * (r[0][1] + r[1][0]) / b;
				d = 0.25 * (r[0][2] + r[2][0]) / b;
				a = 0.25 * (r[2][1] - r[1][2]) / b;
			}
			else if (yd > 1) {
				c = 0.5 * Math.sqrt(yd);
				b = 0.25 * (r[0][1] + r[1][0]) / c;
				d = 0.25 * (r[1][2] + r[2][1]) / c;
				a = 0.25 * (r[0][2] - r[2][0]) / c;
			}
			else {
				d = 0.5 * Math.sqrt(zd);
				b = 0.25 * (r[0][2] + r[2][0]) / d;
				c = 0.25 * (r[1][2] + r[2][1]) / d;
				a = 0.25 * (r[1][0] - r[0][1]) / d;
			}
			if (a < 0) {
				b = -b;
				c = -c;
				d = -d;
			}
		}
		return new NiftiGeometry(code, code, b, c, d, m[0][3], m[1][3], m[2][3], qfac, m);
	}

	/** One line of text, read back by {@link #parse}. */
	public String toText() {
		StringBuilder sb = new StringBuilder();
		sb.append("qform_code=").append(qformCode).append(" sform_code=").append(sformCode);
		sb.append(" quatern=").append(num(quaternB)).append(',').append(num(quaternC)).append(',').append(num(quaternD));
		sb.append(" qoffset=").append(num(qoffsetX)).append(',').append(num(qoffsetY)).append(',').append(num(qoffsetZ));
		sb.append(" qfac=").append(num(qfac));
		for (int r = 0; r < 3; r++) {
			sb.append(" srow_").append("xyz".charAt(r)).append('=');
			for (int c = 0; c < 4; c++) sb.append(c > 0 ? "," : "").append(num(srow[r][c]));
		}
		return sb.toString();
	}

	private static String num(double v) {
		return String.format(Locale.ROOT, "%.9g", v);
	}

	/** Parses {@link #toText()}; returns null for text that is not one (e.g. edited by hand). */
	public static NiftiGeometry parse(String text) {
		if (text == null) return null;
		try {
			java.util.Map<String, String> kv = new java.util.HashMap<>();
			for (String part : text.trim().split("\\s+")) {
				int eq = part.indexOf('=');
				if (eq > 0) kv.put(part.substring(0, eq), part.substring(eq + 1));
			}
			double[] q = nums(kv.get("quatern"), 3), o = nums(kv.get("qoffset"), 3);
			double[][] s = { nums(kv.get("srow_x"), 4), nums(kv.get("srow_y"), 4), nums(kv.get("srow_z"), 4) };
			return new NiftiGeometry(Integer.parseInt(kv.get("qform_code")), Integer.parseInt(kv.get("sform_code")),
				q[0], q[1], q[2], o[0], o[1], o[2], Double.parseDouble(kv.get("qfac")), s);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static double[] nums(String s, int n) {
		String[] p = s.split(",");
		if (p.length != n) throw new IllegalArgumentException(s);
		double[] d = new double[n];
		for (int i = 0; i < n; i++) d[i] = Double.parseDouble(p[i]);
		return d;
	}

	@Override
	public String toString() {
		return toText();
	}
}

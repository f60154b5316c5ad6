package org.ivimj.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads single-file NIfTI-1 images (.nii and .nii.gz), 3-D or 4-D, integer or real datatypes. */
public final class NiftiReader {

	private NiftiReader() {}

	/** Reads header and voxels; any problem is an {@link IvimImportException} naming the file. */
	public static NiftiImage read(Path file) throws IvimImportException {
		String name = file.toString();
		try (InputStream in = Files.newInputStream(file)) {
			return read(name, in);
		}
		catch (IvimImportException e) {
			throw e;
		}
		catch (IOException e) {
			throw new IvimImportException(name, "cannot be read (" + e.getMessage() + ")", e);
		}
	}

	/** Reads from a stream (gzip-compressed when {@code name} ends with .gz); the stream is not closed. */
	public static NiftiImage read(String name, InputStream stream) throws IvimImportException {
		boolean gz = name.toLowerCase().endsWith(".gz");
		try {
			InputStream in = gz ? new GZIPInputStream(stream) : stream;
			byte[] head = in.readNBytes(NiftiHeader.SIZE);
			NiftiHeader h = NiftiHeader.parse(name, head);
			int w = h.size(1), ht = h.size(2), d = h.size(3), t = h.size(4);
			int bpv = NiftiHeader.bytesPerVoxel(h.datatype);
			long plane = (long) w * ht;
			long bytes = plane * d * t * bpv;
			if (plane > Integer.MAX_VALUE || bytes > Integer.MAX_VALUE - 16)
				throw new IvimImportException(name, "is too large to read (" + w + " x " + ht + " x " + d + " x " + t
					+ " voxels)");
			// The raw bytes, the decoded float planes (with Java's per-array overhead, which dominates for
			// tiny planes), and the image the importer makes from them.
			long planes = (long) d * t;
			long floats = planes * (64 + 4 * plane);
			MemoryCheck.require(name, w + " x " + ht + " x " + d + " x " + t + " voxels", bytes + 2 * floats);
			long skip = (long) h.voxOffset - NiftiHeader.SIZE;
			if (skip(in, skip) < skip) throw new IvimImportException(name, "is truncated before its voxel data"
				+ " (vox_offset " + (long) h.voxOffset + ")");
			byte[] data = in.readNBytes((int) bytes);
			if (data.length < bytes) throw new IvimImportException(name, "is truncated: " + w + " x " + ht + " x " + d
				+ " x " + t + " voxels of datatype " + h.datatype + " need " + bytes + " bytes, the file holds "
				+ data.length);
			if (gz) {
				// Reading to the end makes GZIPInputStream check the trailer's CRC and length: a corrupt
				// .nii.gz must not be imported with wrong voxels.
				byte[] rest = new byte[8192];
				while (in.read(rest) >= 0) { /* drain */ }
			}
			return new NiftiImage(h, decode(h, data, w, ht, d, t));
		}
		catch (IvimImportException e) {
			throw e;
		}
		catch (java.util.zip.ZipException e) {
			if (String.valueOf(e.getMessage()).contains("trailer"))
				throw new IvimImportException(name, "is a corrupt gzip file (" + e.getMessage() + "): its data do not match "
					+ "its checksum; copy or export it again", e);
			throw new IvimImportException(name, "is not a valid gzip file (" + e.getMessage() + ")", e);
		}
		catch (java.io.EOFException e) {
			throw new IvimImportException(name, "is truncated: the gzip stream ends early; copy or export it again", e);
		}
		catch (IOException e) {
			throw new IvimImportException(name, (gz ? "is not a valid gzip file or " : "")
				+ "cannot be read (" + e.getMessage() + ")", e);
		}
	}

	private static long skip(InputStream in, long n) throws IOException {
		long done = 0;
		while (done < n) {
			long k = in.skip(n - done);
			if (k <= 0) {
				if (in.read() < 0) break;
				k = 1;
			}
			done += k;
		}
		return done;
	}

	private static float[][][] decode(NiftiHeader h, byte[] data, int w, int ht, int d, int t) {
		ByteBuffer b = ByteBuffer.wrap(data).order(h.order);
		boolean scale = h.sclSlope != 0 && Float.isFinite(h.sclSlope) && Float.isFinite(h.sclInter)
			&& !(h.sclSlope == 1 && h.sclInter == 0);
		float[][][] out = new float[t][d][w * ht];
		for (int v = 0; v < t; v++)
			for (int z = 0; z < d; z++) {
				float[] p = out[v][z];
				for (int j = 0; j < ht; j++) {
					// File row j = 0 is the bottom row on screen.
					int row = (ht - 1 - j) * w;
					for (int i = 0; i < w; i++) {
						double x = value(b, h.datatype);
						p[row + i] = (float) (scale ? x * h.sclSlope + h.sclInter : x);
					}
				}
			}
		return out;
	}

	private static double value(ByteBuffer b, short datatype) {
		switch (datatype) {
			case NiftiHeader.DT_UINT8: return b.get() & 0xFF;
			case NiftiHeader.DT_INT8: return b.get();
			case NiftiHeader.DT_INT16: return b.getShort();
			case NiftiHeader.DT_UINT16: return b.getShort() & 0xFFFF;
			case NiftiHeader.DT_INT32: return b.getInt();
			case NiftiHeader.DT_UINT32: return b.getInt() & 0xFFFFFFFFL;
			case NiftiHeader.DT_FLOAT32: return b.getFloat();
			case NiftiHeader.DT_FLOAT64: return b.getDouble();
			case NiftiHeader.DT_INT64: return b.getLong();
			case NiftiHeader.DT_UINT64: {
				long l = b.getLong();
				return l >= 0 ? l : (l >>> 1) * 2.0 + (l & 1);
			}
			default: throw new IllegalStateException("datatype checked in NiftiHeader.parse: " + datatype);
		}
	}
}

package org.ivimj.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** FSL's b-value file: one b-value (s/mm²) per volume, separated by whitespace (spaces or newlines). */
public final class BvalFile {

	/** Largest .bval accepted (bytes). */
	static final long MAX_BYTES = 10L << 20;

	private BvalFile() {}

	/** Reads the b-values; every value must be a finite number ≥ 0. */
	public static double[] read(Path file) throws IvimImportException {
		String text;
		try {
			// A b-value file holds one short number per volume: 10 MB is ~1 million volumes. A larger file
			// is the wrong file, and reading it whole could exhaust the heap.
			long size = Files.size(file);
			if (size > MAX_BYTES) throw new IvimImportException(file.toString(), "is " + MemoryCheck.size(size)
				+ ", far more than a b-value file (one number per volume) can hold: choose the .bval file of the series");
			text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new IvimImportException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
		}
		String[] tokens = text.trim().split("\\s+");
		if (text.trim().isEmpty()) throw new IvimImportException(file.toString(), "holds no b-values (it is empty)");
		double[] b = new double[tokens.length];
		for (int i = 0; i < tokens.length; i++) {
			try {
				b[i] = Double.parseDouble(tokens[i]);
			}
			catch (NumberFormatException e) {
				b[i] = Double.NaN;
			}
			if (!(b[i] >= 0) || Double.isInfinite(b[i])) throw new IvimImportException(file.toString(), "value "
				+ (i + 1) + " '" + tokens[i] + "' is not a b-value (a number >= 0)");
		}
		return b;
	}

	/** The .bval beside a NIfTI file: same name with .nii or .nii.gz replaced. */
	public static Path besideNifti(Path nifti) {
		String name = nifti.getFileName().toString();
		String base = name.replaceFirst("(?i)\\.nii(\\.gz)?$", "");
		return nifti.resolveSibling(base + ".bval");
	}

	/** Writes the b-values on one line, as FSL and dcm2niix do. */
	public static void write(Path file, double[] b) throws IOException {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < b.length; i++) sb.append(i > 0 ? " " : "").append(DiffusionSeriesBuilder.fmt(b[i]));
		sb.append('\n');
		Files.write(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
	}
}

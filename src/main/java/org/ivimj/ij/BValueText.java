package org.ivimj.ij;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads b-values (s/mm²) from text: a typed list ("0, 50, 800" or "0 50 800"), a text file with one or
 * more values per line, an FSL {@code .bval} file (one row), or an image label such as {@code b=800},
 * {@code b800} or {@code B = 800 s/mm2}. Errors say what to fix.
 */
public final class BValueText {

	private static final Pattern LABEL = Pattern.compile("(?i)(?:^|[^a-z0-9])b[ _]*(?:-value)?[ _]*[=:]?[ _]*([0-9]+(?:\\.[0-9]+)?)");

	private BValueText() {}

	/** Parses a list separated by commas, semicolons, blanks or new lines; text after '#' is ignored. */
	public static double[] parseList(String text) {
		if (text == null || text.trim().isEmpty()) throw new IvimInputException(
			"No b-values given: type them separated by commas, e.g. b-values=[0,50,100,200,800].");
		List<Double> values = new ArrayList<>();
		for (String line : text.split("\\r?\\n|\\r")) {
			int hash = line.indexOf('#');
			if (hash >= 0) line = line.substring(0, hash);
			for (String token : line.trim().split("[,;\\s]+")) {
				if (token.isEmpty()) continue;
				values.add(parseOne(token));
			}
		}
		if (values.isEmpty()) throw new IvimInputException("No b-values found in \"" + text.trim()
			+ "\": give numbers in s/mm², e.g. 0,50,100,200,800.");
		double[] b = new double[values.size()];
		for (int i = 0; i < b.length; i++) b[i] = values.get(i);
		return b;
	}

	/**
	 * Reads a text or FSL .bval file. A file with several rows of several numbers (such as a .bvec file)
	 * is refused because it is not a list of b-values.
	 */
	public static double[] readFile(Path file) {
		if (file == null || !Files.isRegularFile(file)) throw new IvimInputException("b-value file \"" + file
			+ "\" not found: give the full path of a text or FSL .bval file.");
		String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IvimInputException("Cannot read b-value file \"" + file + "\": " + e.getMessage());
		}
		int multiValueRows = 0, rows = 0;
		for (String line : text.split("\\r?\\n|\\r")) {
			String l = line.replaceAll("#.*", "").trim();
			if (l.isEmpty()) continue;
			rows++;
			if (l.split("[,;\\s]+").length > 1) multiValueRows++;
		}
		if (multiValueRows > 1) throw new IvimInputException("\"" + file.getFileName() + "\" has " + rows
			+ " rows of several numbers; a b-value file has one row (FSL .bval) or one value per line. "
			+ "Is it a .bvec file?");
		try {
			return parseList(text);
		}
		catch (IvimInputException e) {
			throw new IvimInputException("In \"" + file.getFileName() + "\": " + e.getMessage());
		}
	}

	/** The b-value in an image label, or NaN if the label names none. Only the first line is read. */
	public static double fromLabel(String label) {
		if (label == null) return Double.NaN;
		String first = label.split("\\r?\\n|\\r", 2)[0];
		Matcher m = LABEL.matcher(first);
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}

	/** "0, 50, 800" */
	public static String format(double[] b) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < b.length; i++) {
			if (i > 0) sb.append(", ");
			sb.append(BValueMetadata.format(b[i]));
		}
		return sb.toString();
	}

	private static double parseOne(String token) {
		double v;
		try {
			v = Double.parseDouble(token);
		}
		catch (NumberFormatException e) {
			throw new IvimInputException("\"" + token + "\" is not a b-value: give numbers in s/mm², e.g. 0,50,800.");
		}
		if (!(v >= 0) || Double.isInfinite(v)) throw new IvimInputException("b-value " + token
			+ " is not a finite number ≥ 0 s/mm².");
		return v;
	}
}

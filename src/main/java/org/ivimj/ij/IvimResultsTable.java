package org.ivimj.ij;

import ij.Prefs;
import ij.io.SaveDialog;
import ij.measure.ResultsTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ResultsTable} whose saved files keep every digit and whose display formats survive ImageJ.
 * <p>
 * ImageJ writes a table to disk exactly as it displays it, and resets a table's decimal places to the
 * "Set Measurements" precision (3 by default) whenever it becomes the Results table: an ADC of 0.00132
 * mm²/s was saved as {@code 0.001}, and statistics computed on the saved CSV then differed from the
 * product's. This table saves each number in the shortest text that reads back to the same double
 * (integers as integers), whichever route saves it: {@code saveAs("Results", path)} in a macro, File ›
 * Save As in the table window, or {@link ResultsTable#save}. Its per-column display formats (set with
 * {@link #setColumnFormat}) are re-applied after ImageJ's precision reset.
 */
public class IvimResultsTable extends ResultsTable {

	private Map<String, Integer> formats;

	public IvimResultsTable() {
		super();
	}

	/**
	 * The table itself if it is an IvimResultsTable, else a copy that is (values, strings and row labels;
	 * the display formats fall back to ImageJ's automatic ones).
	 */
	public static IvimResultsTable of(ResultsTable table) {
		if (table instanceof IvimResultsTable) return (IvimResultsTable) table;
		IvimResultsTable copy = new IvimResultsTable();
		int last = table.getLastColumn();
		for (int row = 0; row < table.size(); row++) {
			copy.incrementCounter();
			String label = table.getLabel(row);
			if (label != null) copy.setLabel(label, row);
			for (int col = 0; col <= last; col++) {
				if (!table.columnExists(col)) continue;
				String heading = table.getColumnHeading(col);
				double v = table.getValueAsDouble(col, row);
				String s = Double.isNaN(v) ? table.getStringValue(col, row) : null;
				if (s != null && !s.equals("NaN")) copy.setValue(heading, row, s);
				else copy.setValue(heading, row, v);
			}
		}
		return copy;
	}

	/**
	 * Shows this column with {@code decimals} decimal places (negative: that many in scientific notation),
	 * now and after ImageJ resets the table's precision; saved files keep full precision regardless.
	 */
	public void setColumnFormat(String column, int decimals) {
		if (formats == null) formats = new LinkedHashMap<>();
		formats.put(column, decimals);
		int col = getColumnIndex(column);
		if (col >= 0) setDecimalPlaces(col, decimals);
	}

	/** Applies the column formats to columns added since they were set. */
	public void applyColumnFormats() {
		if (formats == null) return;
		for (Map.Entry<String, Integer> e : formats.entrySet()) {
			int col = getColumnIndex(e.getKey());
			if (col >= 0) setDecimalPlaces(col, e.getValue());
		}
	}

	@Override
	public synchronized void setPrecision(int precision) {
		super.setPrecision(precision);
		applyColumnFormats();
	}

	@Override
	public void saveAs(String path) throws IOException {
		if (path == null || path.isEmpty()) {
			SaveDialog sd = new SaveDialog("Save Table", "Table", Prefs.defaultResultsExtension());
			if (sd.getFileName() == null) return;
			path = sd.getDirectory() + sd.getFileName();
		}
		write(Paths.get(path));
	}

	/** Writes the table: CSV for a .csv path, tab-separated otherwise; numbers in full precision. */
	public void write(Path path) throws IOException {
		String p = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase();
		char delimiter = p.endsWith(".csv") ? ',' : '\t';
		boolean labels = hasRowLabels();
		boolean rowNumbers = showRowNumbers() && !Prefs.dontSaveRowNumbers;
		try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			if (!Prefs.dontSaveHeaders) {
				if (rowNumbers) line.append(' ').append(delimiter);
				String[] headings = getHeadings();
				for (int i = 0; i < headings.length; i++) {
					if (i > 0) line.append(delimiter);
					line.append(cell(headings[i], delimiter));
				}
				w.write(line.toString());
				w.newLine();
			}
			int last = getLastColumn();
			for (int row = 0; row < size(); row++) {
				line.setLength(0);
				if (rowNumbers) line.append(row + 1).append(delimiter);
				boolean first = true;
				if (labels) {
					String label = getLabel(row);
					line.append(cell(label == null ? "" : label, delimiter));
					first = false;
				}
				for (int col = 0; col <= last; col++) {
					if (!columnExists(col)) continue;
					if (!first) line.append(delimiter);
					first = false;
					double v = getValueAsDouble(col, row);
					if (Double.isNaN(v)) {
						String s = getStringValue(col, row);
						line.append(s == null ? "NaN" : cell(s, delimiter));
					}
					else line.append(number(v));
				}
				w.write(line.toString());
				w.newLine();
			}
		}
	}

	/**
	 * The shortest text that reads back as the same double {@code v} (R, SPSS, Python and ImageJ parse
	 * doubles): integers without a decimal point. A value that came from a float map keeps its float
	 * noise digits (0.0013175318017601967): the float's own shorter text would read back as another double.
	 */
	public static String number(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	private boolean hasRowLabels() {
		int columns = 0;
		for (int col = 0; col <= getLastColumn(); col++)
			if (columnExists(col)) columns++;
		return getHeadings().length > columns;
	}

	private static String cell(String s, char delimiter) {
		boolean quote = s.isEmpty() || s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
		if (!quote) return s;
		return "\"" + s.replace("\"", "\"\"").replace("\n", "\\n") + "\"";
	}
}

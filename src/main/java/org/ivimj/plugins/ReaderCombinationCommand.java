package org.ivimj.plugins;

import ij.IJ;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.stats.ReaderMatch;

/**
 * Plugins › IVIM › Statistics › IVIM Combine Readers: two readers' ROI tables matched by ROI name
 * into one table, {@value #TITLE}, with each reader's value and their mean per parameter (the
 * paper's measurement is the mean of the two readers).
 */
public class ReaderCombinationCommand extends IvimCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Readers Combined";
	/** Suffixes of the two readers' columns; the mean keeps the parameter's name. */
	public static final String SUFFIX1 = "_R1", SUFFIX2 = "_R2";

	@Override
	void execute() {
		CommandOptions o = new CommandOptions("IVIM Combine Readers");
		List<String> titles = IvimTables.titles();
		o.addTable("Reader1 table", titles, titles.isEmpty() ? "" : titles.get(0));
		o.addTable("Reader2 table", titles, titles.size() < 2 ? "" : titles.get(1));
		o.addString("ROI name column", "ROI", 12);
		o.addString("Parameters (comma-separated; empty = all numeric in both)", "", 30);
		o.addDirectory("Save tables to folder (optional)", "");
		if (!o.show()) return;
		String t1 = o.nextString().trim(), t2 = o.nextString().trim(), roi = o.nextString().trim();
		String list = o.nextString().trim();
		String save = o.nextString();
		ResultsTable a = StudyInput.table(t1), b = StudyInput.table(t2);
		match(a, t1, b, t2, roi); // unmatched readers are the likelier mistake: say so first
		List<String> params = list.isEmpty() ? common(a, b, roi) : StudyInput.list(list);
		if (params.isEmpty()) throw new CommandException("Tables \"" + t1 + "\" and \"" + t2 + "\" share no numeric parameter column.");
		IvimTables.publish(combine(a, t1, b, t2, roi, params), TITLE, save);
	}

	/**
	 * The combined table: reader 1's rows matched by ROI name with reader 2's, reader 1's other
	 * columns carried over, and per parameter the readers' mean (named as the parameter) and each
	 * reader's value ({@code _R1}, {@code _R2}). Unmatched names are logged and left out.
	 */
	static ResultsTable combine(ResultsTable a, String t1, ResultsTable b, String t2, String roi, List<String> params) {
		ReaderMatch m = match(a, t1, b, t2, roi);
		double[][] va = new double[params.size()][], vb = new double[params.size()][];
		for (int k = 0; k < params.size(); k++) {
			va[k] = StudyInput.numericColumn(a, t1, params.get(k));
			vb[k] = StudyInput.numericColumn(b, t2, params.get(k));
		}
		// Reader 1's other columns (e.g. the group) are carried over as they are.
		List<String> carried = new ArrayList<>();
		for (String h : a.getHeadings())
			if (h != null && !h.trim().isEmpty() && a.columnExists(h) && !h.equals(roi) && !params.contains(h)) carried.add(h);
		IvimResultsTable out = new IvimResultsTable();
		out.setPrecision(6);
		for (int r = 0; r < m.names.size(); r++) {
			int i = m.rows1[r], j = m.rows2[r];
			out.incrementCounter();
			out.addValue(roi, m.names.get(r));
			for (String c : carried) {
				double v = a.getValue(c, i);
				if (Double.isNaN(v)) out.addValue(c, a.getStringValue(c, i));
				else out.addValue(c, v);
			}
			for (int k = 0; k < params.size(); k++) {
				String p = params.get(k);
				out.addValue(p, (va[k][i] + vb[k][j]) / 2);
				out.addValue(p + SUFFIX1, va[k][i]);
				out.addValue(p + SUFFIX2, vb[k][j]);
			}
		}
		if (!m.onlyReader1.isEmpty()) IJ.log("IVIM-J " + TITLE + ": only in \"" + t1 + "\" (left out): " + String.join(", ", m.onlyReader1));
		if (!m.onlyReader2.isEmpty()) IJ.log("IVIM-J " + TITLE + ": only in \"" + t2 + "\" (left out): " + String.join(", ", m.onlyReader2));
		return out;
	}

	/** Matches two tables by their ROI name column, with advice when that fails. */
	static ReaderMatch match(ResultsTable a, String t1, ResultsTable b, String t2, String roi) {
		for (Object[] tt : new Object[][] {{a, t1}, {b, t2}})
			if (!((ResultsTable) tt[0]).columnExists(roi))
				throw new CommandException("Table \"" + tt[1] + "\" has no ROI name column \"" + roi + "\". Its columns are: "
					+ StudyInput.columns((ResultsTable) tt[0]) + ".");
		ReaderMatch m;
		try {
			m = ReaderMatch.match(strings(a, roi), strings(b, roi));
		}
		catch (IllegalArgumentException e) {
			throw new CommandException("Cannot match the readers by \"" + roi + "\": " + e.getMessage() + ". Each ROI needs a unique name.");
		}
		if (m.names.isEmpty())
			throw new CommandException("No ROI name of \"" + t1 + "\" occurs in \"" + t2 + "\" (column \"" + roi + "\"); the readers' ROIs must have the same names.");
		return m;
	}

	static String[] strings(ResultsTable rt, String column) {
		String[] s = new String[rt.size()];
		for (int i = 0; i < s.length; i++) s[i] = rt.getStringValue(column, i);
		return s;
	}

	static List<String> common(ResultsTable a, ResultsTable b, String roi) {
		List<String> pa = StudyInput.numericColumns(a, roi), pb = StudyInput.numericColumns(b, roi);
		pa.retainAll(pb);
		return pa;
	}
}

package org.ivimj.plugins;

import ij.IJ;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.IvimResultsTable;
import org.ivimj.stats.ReaderMatch;

/**
 * Two readers' ROI tables matched by ROI name and combined (each reader's values and their mean): the
 * logic the reader commands and Fit IVIM Maps' second reader share, below the commands.
 */
final class ReaderTables {

	private ReaderTables() {}

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
				out.addValue(p + ReaderCombinationCommand.SUFFIX1, va[k][i]);
				out.addValue(p + ReaderCombinationCommand.SUFFIX2, vb[k][j]);
			}
		}
		if (!m.onlyReader1.isEmpty()) IJ.log("IVIM-J " + ReaderCombinationCommand.TITLE + ": only in \"" + t1 + "\" (left out): " + String.join(", ", m.onlyReader1));
		if (!m.onlyReader2.isEmpty()) IJ.log("IVIM-J " + ReaderCombinationCommand.TITLE + ": only in \"" + t2 + "\" (left out): " + String.join(", ", m.onlyReader2));
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

package org.ivimj.plugins;

import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ivimj.ij.IvimTables;
import org.ivimj.stats.StudyData;

/**
 * The options every group analysis shares (table, group column, positive group, parameters) and
 * the checked conversion of the chosen ResultsTable into {@link StudyData}. The user's table is
 * only read.
 */
final class StudyInput {

	/** Columns taken as lesion names for reporting left-out rows, in order of preference. */
	static final String[] NAME_COLUMNS = {"ROI", "Label", "Name", "Lesion"};

	final String tableTitle;
	final String groupColumn;
	final String positive;
	final String negative;
	final List<String> parameters;
	final StudyData data;

	private StudyInput(String tableTitle, String groupColumn, String positive, String negative, List<String> parameters,
		StudyData data) {
		this.tableTitle = tableTitle;
		this.groupColumn = groupColumn;
		this.positive = positive;
		this.negative = negative;
		this.parameters = parameters;
		this.data = data;
	}

	/** The table a group analysis reads when none is named: the combined readers' table if open, else the newest. */
	static String defaultTable() {
		List<String> titles = IvimTables.titles();
		return titles.contains(ReaderCombinationCommand.TITLE) ? ReaderCombinationCommand.TITLE
			: titles.isEmpty() ? "Results" : titles.get(titles.size() - 1);
	}

	/** Reads and checks the study table; throws CommandException with advice. */
	static StudyInput read(String title, String groupColumn, String positive, String parameterList) {
		ResultsTable rt = table(title);
		if (!rt.columnExists(groupColumn))
			throw new CommandException("Table \"" + title + "\" has no group column \"" + groupColumn + "\". Its columns are: "
				+ columns(rt) + ". Set \"group\" to the column that holds the two groups.");
		int n = rt.size();
		String[] groups = new String[n];
		for (int i = 0; i < n; i++) {
			String g = rt.getStringValue(groupColumn, i);
			groups[i] = g == null || g.equals("NaN") ? "" : g.trim();
		}
		List<String> params = parameterList.isEmpty() ? numericColumns(rt, groupColumn) : list(parameterList);
		if (params.isEmpty())
			throw new CommandException("Table \"" + title + "\" has no numeric parameter columns besides \"" + groupColumn + "\".");
		Map<String, double[]> cols = new LinkedHashMap<>();
		for (String p : params) cols.put(p, numericColumn(rt, title, p));
		StudyData data = new StudyData(groups, cols, names(rt));
		List<String> labels = data.groupLabels();
		if (labels.size() != 2)
			throw new CommandException("Group column \"" + groupColumn + "\" of table \"" + title + "\" must hold exactly two groups; it has "
				+ labels.size() + (labels.isEmpty() ? "" : ": " + String.join(", ", labels))
				+ ". Choose another group column or remove the other groups' rows.");
		if (positive.isEmpty()) positive = labels.get(0);
		if (!labels.contains(positive))
			throw new CommandException("Positive group \"" + positive + "\" is not in column \"" + groupColumn + "\"; its groups are "
				+ String.join(" and ", labels) + ".");
		return new StudyInput(title, groupColumn, positive, data.otherGroup(positive), params, data);
	}

	/** The same table and groups with other parameter columns (read again from the table). */
	StudyInput withParameters(List<String> names) {
		ResultsTable rt = table(tableTitle);
		String[] groups = new String[rt.size()];
		for (int i = 0; i < groups.length; i++) {
			String g = rt.getStringValue(groupColumn, i);
			groups[i] = g == null || g.equals("NaN") ? "" : g.trim();
		}
		Map<String, double[]> cols = new LinkedHashMap<>();
		for (String p : names) cols.put(p, numericColumn(rt, tableTitle, p));
		return new StudyInput(tableTitle, groupColumn, positive, negative, names, new StudyData(groups, cols, names(rt)));
	}

	/** Splits a parameter with the minimum of 2 values per group checked. */
	StudyData.Split split(String parameter) {
		StudyData.Split s = data.split(parameter, positive);
		if (s.positive.length < 2 || s.negative.length < 2)
			throw new CommandException("Parameter \"" + parameter + "\": group \"" + (s.positive.length < 2 ? positive : negative)
				+ "\" has " + Math.min(s.positive.length, s.negative.length)
				+ " value(s) after leaving out missing values; each group needs at least 2.");
		return s;
	}

	static ResultsTable table(String title) {
		ResultsTable rt = IvimTables.find(title);
		if (rt == null || rt.size() == 0) {
			List<String> titles = IvimTables.titles();
			throw new CommandException("No table \"" + title + "\" is open" + (rt != null ? " (it is empty)" : "") + ". "
				+ (titles.isEmpty() ? "No table is open at all. " : "Open tables: " + String.join(", ", titles) + ". ")
				+ "Open your study table first (File > Open... a CSV), or give the path of a CSV file as \"table\".");
		}
		return rt;
	}

	static double[] numericColumn(ResultsTable rt, String title, String column) {
		if (!rt.columnExists(column))
			throw new CommandException("Table \"" + title + "\" has no column \"" + column + "\". Its columns are: " + columns(rt) + ".");
		double[] v = new double[rt.size()];
		boolean any = false;
		for (int i = 0; i < v.length; i++) {
			v[i] = rt.getValue(column, i);
			if (!Double.isNaN(v[i])) any = true;
		}
		if (!any) throw new CommandException("Column \"" + column + "\" of table \"" + title + "\" holds no numbers; choose numeric parameter columns.");
		return v;
	}

	static List<String> numericColumns(ResultsTable rt, String... skip) {
		List<String> r = new ArrayList<>();
		List<String> skipped = new ArrayList<>(Arrays.asList(skip));
		skipped.addAll(Arrays.asList(NAME_COLUMNS));
		for (String h : rt.getHeadings()) {
			if (h == null || h.trim().isEmpty() || skipped.contains(h) || !rt.columnExists(h)) continue;
			// In a combined readers' table the readers' own columns are not parameters: their mean is.
			if (isReaderColumn(rt, h)) continue;
			for (int i = 0; i < rt.size(); i++)
				if (!Double.isNaN(rt.getValue(h, i))) {
					r.add(h);
					break;
				}
		}
		return r;
	}

	private static boolean isReaderColumn(ResultsTable rt, String h) {
		for (String suffix : new String[] {ReaderCombinationCommand.SUFFIX1, ReaderCombinationCommand.SUFFIX2})
			if (h.endsWith(suffix) && h.length() > suffix.length() && rt.columnExists(h.substring(0, h.length() - suffix.length()))) return true;
		return false;
	}

	static String[] names(ResultsTable rt) {
		for (String c : NAME_COLUMNS) {
			if (!rt.columnExists(c)) continue;
			String[] r = new String[rt.size()];
			for (int i = 0; i < r.length; i++) r[i] = rt.getStringValue(c, i);
			return r;
		}
		return null;
	}

	static List<String> list(String list) {
		List<String> r = new ArrayList<>();
		for (String s : list.split(",")) if (!s.trim().isEmpty()) r.add(s.trim());
		return r;
	}

	static String columns(ResultsTable rt) {
		List<String> r = new ArrayList<>();
		for (String h : rt.getHeadings()) if (h != null && !h.trim().isEmpty() && rt.columnExists(h)) r.add(h);
		return String.join(", ", r);
	}

	/**
	 * Logistic regression of the positive group on this input's parameters, over the rows that have all of
	 * them (maximum likelihood as R's glm, or Firth's as brglm2); shared by the logistic regression
	 * command and the ROC command's combined score. Left-out rows are logged under {@code title}.
	 */
	org.ivimj.stats.LogisticRegression.Result logistic(boolean firth, double confidence, String title) {
		StudyData.Complete c = data.complete(parameters, positive);
		IvimCommand.logExcluded(title, c.excluded);
		int np = 0;
		for (boolean b : c.positive) if (b) np++;
		if (np < 2 || c.positive.length - np < 2)
			throw new CommandException("Logistic regression: group \"" + (np < 2 ? positive : negative) + "\" has fewer than 2 rows with "
				+ "all of " + String.join(", ", parameters) + "; each group needs at least 2.");
		String[] names = parameters.toArray(new String[0]);
		return firth ? org.ivimj.stats.IvimStatistics.firth(c.x, c.positive, names, confidence)
			: org.ivimj.stats.IvimStatistics.logistic(c.x, c.positive, names, confidence);
	}
}

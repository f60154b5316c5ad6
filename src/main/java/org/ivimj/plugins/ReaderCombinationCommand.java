package org.ivimj.plugins;

import ij.measure.ResultsTable;

import java.util.List;

import org.ivimj.ij.IvimTables;

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
		o.helpPage("IVIM Combine Readers...");
		if (!o.show()) return;
		String t1 = o.nextString().trim(), t2 = o.nextString().trim(), roi = o.nextString().trim();
		String list = o.nextString().trim();
		String save = o.nextString();
		ResultsTable a = StudyInput.table(t1), b = StudyInput.table(t2);
		ReaderTables.match(a, t1, b, t2, roi); // unmatched readers are the likelier mistake: say so first
		List<String> params = list.isEmpty() ? ReaderTables.common(a, b, roi) : StudyInput.list(list);
		if (params.isEmpty()) throw new CommandException("Tables \"" + t1 + "\" and \"" + t2 + "\" share no numeric parameter column.");
		IvimTables.publish(ReaderTables.combine(a, t1, b, t2, roi, params), TITLE, save);
	}

	/**
	 * The combined table: reader 1's rows matched by ROI name with reader 2's, reader 1's other
	 * columns carried over, and per parameter the readers' mean (named as the parameter) and each
	 * reader's value ({@code _R1}, {@code _R2}). Unmatched names are logged and left out.
	 */
}

package org.ivimj.plugins;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;

/**
 * The inputs every group analysis shares, declared once: the study table (an open table's title or a
 * CSV path), its group column, the positive group, the parameters, and a folder to save the output
 * tables in.
 */
abstract class StudyCommand extends IvimCommand {

	@Parameter(label = "Table (an open table, or a CSV file)", style = "table", required = false,
		attrs = @Attr(name = "prefer", value = ReaderCombinationCommand.TITLE), persist = false)
	public String table = "";
	@Parameter(label = "Group column", persist = false)
	public String group = "Group";
	@Parameter(label = "Positive group (empty = first in table)", required = false, persist = false)
	public String positive = "";
	@Parameter(label = "Parameters (comma-separated; empty = all numeric)", required = false,
		attrs = @Attr(name = "columns", value = "30"), persist = false)
	public String parameters = "";
	@Parameter(label = "Save tables to folder (optional)", style = "directory", required = false, persist = false)
	public String save = "";

	/** The checked study table and groups. */
	StudyInput input() {
		return StudyInput.read(table.trim().isEmpty() ? StudyInput.defaultTable() : table.trim(), group.trim(), positive.trim(),
			parameters.trim());
	}

	static void checkConfidence(double c) {
		if (!(c > 0 && c < 1)) throw new CommandException("Confidence level must be between 0 and 1 (e.g. 0.95), not " + c + ".");
	}
}

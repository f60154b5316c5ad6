package org.ivimj.plugins;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;

/**
 * The inputs the two-reader commands share, declared once: each reader's ROI table (an open table's
 * title or a CSV path), the column naming the ROIs they are matched by, the parameters, and a folder
 * to save the output table in.
 */
abstract class TwoReadersCommand extends IvimCommand {

	@Parameter(label = "Reader 1's table (an open table, or a CSV file)", style = "table", attrs = @Attr(name = "prefer", value = "first"),
		persist = false)
	public String reader1 = "";
	@Parameter(label = "Reader 2's table", style = "table", attrs = @Attr(name = "prefer", value = "second"), persist = false)
	public String reader2 = "";
	@Parameter(label = "ROI name column", persist = false)
	public String roi = "ROI";
	@Parameter(label = "Parameters (comma-separated; empty = all numeric in both tables)", required = false,
		attrs = @Attr(name = "columns", value = "30"), persist = false)
	public String parameters = "";
	@Parameter(label = "Save tables to folder (optional)", style = "directory", required = false, persist = false)
	public String save = "";
}

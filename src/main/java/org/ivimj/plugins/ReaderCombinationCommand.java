package org.ivimj.plugins;

import ij.measure.ResultsTable;

import java.util.List;

import org.ivimj.ij.IvimTables;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM Combine Readers: two readers' ROI tables matched by ROI name
 * into one table, {@value #TITLE}, with each reader's value and their mean per parameter (the
 * paper's measurement is the mean of the two readers).
 */
@Plugin(type = Command.class, label = "IVIM Combine Readers...", description = "two readers' ROI tables matched by ROI name, with their mean",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Combine Readers..."))
public class ReaderCombinationCommand extends TwoReadersCommand {

	/** Title of the output table. */
	public static final String TITLE = "IVIM Readers Combined";
	/** Suffixes of the two readers' columns; the mean keeps the parameter's name. */
	public static final String SUFFIX1 = "_R1", SUFFIX2 = "_R2";

	@Parameter(type = ItemIO.OUTPUT, label = TITLE)
	public ResultsTable combined;

	@Override
	void execute() {
		String t1 = reader1.trim(), t2 = reader2.trim(), roi = this.roi.trim();
		String list = parameters.trim();
		ResultsTable a = StudyInput.table(t1), b = StudyInput.table(t2);
		ReaderTables.match(a, t1, b, t2, roi); // unmatched readers are the likelier mistake: say so first
		List<String> params = list.isEmpty() ? ReaderTables.common(a, b, roi) : StudyInput.list(list);
		if (params.isEmpty()) throw new CommandException("Tables \"" + t1 + "\" and \"" + t2 + "\" share no numeric parameter column.");
		combined = ReaderTables.combine(a, t1, b, t2, roi, params);
		IvimTables.save(combined, TITLE, save);
	}

	/**
	 * The combined table: reader 1's rows matched by ROI name with reader 2's, reader 1's other
	 * columns carried over, and per parameter the readers' mean (named as the parameter) and each
	 * reader's value ({@code _R1}, {@code _R2}). Unmatched names are logged and left out.
	 */
}

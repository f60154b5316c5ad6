package org.ivimj.plugins;

import ij.IJ;
import ij.plugin.PlugIn;

import java.util.List;

/**
 * Common frame of IVIM-J commands: input problems end in one clear message (a dialog in
 * the GUI; in a macro the macro is aborted with it) instead of a stack trace.
 */
abstract class IvimCommand implements PlugIn {

	@Override
	public final void run(String arg) {
		try {
			execute();
		}
		catch (org.ivimj.ij.IvimInputException e) {
			CommandOptions.fail(e.getMessage());
		}
	}

	/** Reads options, analyses, publishes tables; throws CommandException for bad input. */
	abstract void execute();

	/** Logs which rows an analysis left out and why, so the user can check them. */
	static void logExcluded(String what, List<String> excluded) {
		if (!excluded.isEmpty())
			IJ.log("IVIM-J " + what + ": left out " + excluded.size() + " row(s) with a missing value: " + String.join(", ", excluded));
	}

	static void checkConfidence(double c) {
		if (!(c > 0 && c < 1)) throw new CommandException("Confidence level must be between 0 and 1 (e.g. 0.95), not " + c + ".");
	}
}

package org.ivimj.plugins;

import ij.IJ;

import java.util.List;

import org.ivimj.ij.CommandPlugIn;
import org.ivimj.ij.DeclaredInputs;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Common frame of the statistics and table commands: the declared inputs are checked (whichever route
 * set them), then the analysis runs; bad input ends in one {@link CommandException} whose message says
 * what to do.
 */
abstract class IvimCommand implements Command {

	@Override
	public final void run() {
		DeclaredInputs.check(this, title());
		execute();
	}

	/** Analyses and sets the outputs; throws CommandException for bad input. */
	abstract void execute();

	/** The command's title (its menu label without dots), as its errors begin. */
	final String title() {
		Plugin p = getClass().getAnnotation(Plugin.class);
		return CommandPlugIn.title(p == null ? getClass().getSimpleName() : p.label());
	}

	/** Logs which rows an analysis left out and why, so the user can check them. */
	static void logExcluded(String what, List<String> excluded) {
		if (!excluded.isEmpty())
			IJ.log("IVIM-J " + what + ": left out " + excluded.size() + " row(s) with a missing value: " + String.join(", ", excluded));
	}
}

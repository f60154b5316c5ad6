package org.ivimj.ij;

/**
 * A command whose choice lists are known only at run time (e.g. the fit methods offered): a
 * {@code String} parameter with style {@code choice} takes its items from here, in the dialog, in a
 * macro and (through the command's own check) in a script.
 */
public interface ChoiceSource {

	/** The items of the named parameter, or null if it has no run-time list. */
	String[] choices(String parameter);
}

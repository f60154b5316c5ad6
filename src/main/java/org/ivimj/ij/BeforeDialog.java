package org.ivimj.ij;

/**
 * A command that can tell before its dialog opens that it cannot run (no image, unusable b-values): the
 * menu route calls {@link #check()} first, so the user is not asked for options in vain. The command's
 * {@code run} makes the same checks for scripts.
 */
public interface BeforeDialog {

	/** Throws {@link IvimInputException} saying what to do if the command cannot run on its inputs. */
	void check();
}

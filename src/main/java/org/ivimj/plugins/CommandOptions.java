package org.ivimj.plugins;

import ij.Macro;

import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.OptionsDialog;

/**
 * The options of the statistics, import and simulator commands: an {@link OptionsDialog} (a
 * GenericDialog with a display, so the Recorder records every field; the macro option string headless)
 * plus lists of open tables and IVIM-J's error reporting. Keys are the first word of each label,
 * lower-cased, as the Recorder writes them; missing keys take the default.
 */
final class CommandOptions {

	private final OptionsDialog dialog;
	/** Per field, whether it was added as a choice (a table list in a dialog is one). */
	private final List<Boolean> choice = new ArrayList<>();
	private int next;

	CommandOptions(String title) {
		dialog = new OptionsDialog(title);
	}

	void addString(String label, String defaultValue, int columns) {
		choice.add(false);
		dialog.addStringField(label, defaultValue, columns);
	}

	void addChoice(String label, String[] items, String defaultValue) {
		choice.add(true);
		dialog.addChoice(label, items, defaultValue);
	}

	/** A table title: a list of open tables in a dialog; from a macro also a CSV path. */
	void addTable(String label, List<String> titles, String defaultValue) {
		if (!dialog.isHeadless() && !titles.isEmpty())
			addChoice(label, titles.toArray(new String[0]), titles.contains(defaultValue) ? defaultValue : titles.get(0));
		else addString(label, defaultValue, 20);
	}

	void addNumber(String label, double defaultValue, int decimals) {
		choice.add(false);
		dialog.addNumericField(label, defaultValue, decimals, 8, "");
	}

	void addCheckbox(String label, boolean defaultValue) {
		choice.add(false);
		dialog.addCheckbox(label, defaultValue);
	}

	void addDirectory(String label, String defaultValue) {
		choice.add(false);
		dialog.addDirectoryField(label, defaultValue);
	}

	void addDirectoryField(String label, String defaultValue) {
		addDirectory(label, defaultValue);
	}

	void addFileField(String label, String defaultValue) {
		choice.add(false);
		dialog.addFileField(label, defaultValue);
	}

	/** A Help button opening the command's section of the docs ({@link HelpPages}). */
	void helpPage(String command) {
		dialog.addHelp(HelpPages.url(command));
	}

	void addHelp(String text) {
		dialog.addMessage(text);
	}

	void addMessage(String text) {
		dialog.addMessage(text);
	}

	/** Marks the field added last as one a macro must give ({@link OptionsDialog#requireInMacro()}). */
	void requireInMacro() {
		dialog.requireInMacro();
	}

	/**
	 * Shows the dialog; false if the user cancelled. Unknown or missing macro keys are reported through
	 * the one error path and end the command.
	 */
	boolean show() {
		try {
			return dialog.show();
		}
		catch (org.ivimj.ij.IvimInputException e) {
			fail(e.getMessage());
			return false;
		}
	}

	String nextString() {
		return choice.get(next++) ? dialog.getNextChoice() : dialog.getNextString();
	}

	String nextChoice() {
		next++;
		return dialog.getNextChoice();
	}

	/**
	 * A choice as the user typed it in a macro (a dialog gives the item chosen), for commands that
	 * accept short forms of their items (e.g. "trace" for "trace (geometric mean)") and parse them.
	 */
	String nextChoiceAsTyped() {
		next++;
		return dialog.getNextChoiceAsTyped();
	}

	double nextNumber() {
		next++;
		return dialog.getNextNumber();
	}

	boolean nextBoolean() {
		next++;
		return dialog.getNextBoolean();
	}

	/**
	 * Reports a problem the user can fix (as every IVIM-J command does, {@link ImageJOutput#error}: a
	 * dialog in the GUI, {@code IVIM-J error: ...} and a stopped macro headless) and ends the command.
	 */
	static void fail(String message) {
		ImageJOutput.error(message);
		throw new RuntimeException(Macro.MACRO_CANCELED);
	}
}

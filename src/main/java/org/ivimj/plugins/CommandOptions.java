package org.ivimj.plugins;

import ij.Macro;
import ij.gui.GenericDialog;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of an import/export command: a {@link GenericDialog} with a display (so the Recorder
 * records every option and macros set them as usual), and headless, where ImageJ 1 cannot build a
 * dialog, the same macro keys read from {@link Macro#getOptions()} (key = the label's first word in lower
 * case; a missing key takes its default). Choices come back as typed; the caller parses them leniently.
 */
final class CommandOptions {

	private final GenericDialog dialog;
	private final String options;
	private final List<String> keys = new ArrayList<>();
	private final List<String> defaults = new ArrayList<>();
	private int next;

	CommandOptions(String title) {
		if (GraphicsEnvironment.isHeadless()) {
			dialog = null;
			options = Macro.getOptions();
		}
		else {
			dialog = new GenericDialog(title);
			options = null;
		}
	}

	void addDirectoryField(String label, String value) {
		if (dialog != null) dialog.addDirectoryField(label, value);
		else add(label, value);
	}

	void addFileField(String label, String value) {
		if (dialog != null) dialog.addFileField(label, value);
		else add(label, value);
	}

	void addChoice(String label, String[] items, String value) {
		if (dialog != null) dialog.addChoice(label, items, value);
		else add(label, value);
	}

	void addMessage(String text) {
		if (dialog != null) dialog.addMessage(text);
	}

	/** Shows the dialog (nothing headless); false when the user cancelled. */
	boolean show() {
		if (dialog == null) return true;
		dialog.showDialog();
		return !dialog.wasCanceled();
	}

	String nextString() {
		if (dialog != null) return dialog.getNextString();
		return value(next++);
	}

	String nextChoice() {
		if (dialog != null) return dialog.getNextChoice();
		return value(next++);
	}

	private String value(int i) {
		String def = defaults.get(i);
		if (options == null) return def;
		return Macro.getValue(options, keys.get(i), def);
	}

	private void add(String label, String value) {
		keys.add(Macro.trimKey(label));
		defaults.add(value);
	}
}

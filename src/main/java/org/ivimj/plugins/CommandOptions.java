package org.ivimj.plugins;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of a command: a {@link GenericDialog} when a user runs it interactively (so the
 * Recorder records every field), and the macro option string otherwise (ImageJ 1's GenericDialog
 * cannot even be constructed headless). Shared by every IVIM-J command. Keys are the first word of each label, lower-cased, as the
 * Recorder writes them; missing keys take the default.
 */
final class CommandOptions {

	private final String title;
	private final String macroOptions;
	private final GenericDialog dialog;
	private final List<Object[]> fields = new ArrayList<>();
	private int next;

	CommandOptions(String title) {
		this.title = title;
		this.macroOptions = Macro.getOptions();
		this.dialog = macroOptions == null && !GraphicsEnvironment.isHeadless() ? new GenericDialog(title) : null;
	}

	/** True when the options come from a macro (or defaults headless) rather than a dialog. */
	boolean fromMacro() {
		return dialog == null;
	}

	void addString(String label, String defaultValue, int columns) {
		fields.add(new Object[] {"string", label, defaultValue});
		if (dialog != null) dialog.addStringField(label, defaultValue, columns);
	}

	void addChoice(String label, String[] items, String defaultValue) {
		fields.add(new Object[] {"choice", label, defaultValue, items});
		if (dialog != null) dialog.addChoice(label, items, defaultValue);
	}

	/** A table title: a list of open tables in the dialog; from a macro also a CSV path. */
	void addTable(String label, List<String> titles, String defaultValue) {
		if (dialog != null && !titles.isEmpty()) {
			fields.add(new Object[] {"choice", label, defaultValue, titles.toArray(new String[0])});
			dialog.addChoice(label, titles.toArray(new String[0]), titles.contains(defaultValue) ? defaultValue : titles.get(0));
		}
		else addString(label, defaultValue, 20);
	}

	void addNumber(String label, double defaultValue, int decimals) {
		fields.add(new Object[] {"number", label, defaultValue});
		if (dialog != null) dialog.addNumericField(label, defaultValue, decimals);
	}

	void addCheckbox(String label, boolean defaultValue) {
		fields.add(new Object[] {"checkbox", label, defaultValue});
		if (dialog != null) dialog.addCheckbox(label, defaultValue);
	}

	void addDirectory(String label, String defaultValue) {
		fields.add(new Object[] {"string", label, defaultValue});
		if (dialog != null) dialog.addDirectoryField(label, defaultValue);
	}

	void addDirectoryField(String label, String defaultValue) {
		addDirectory(label, defaultValue);
	}

	void addFileField(String label, String defaultValue) {
		fields.add(new Object[] {"string", label, defaultValue});
		if (dialog != null) dialog.addFileField(label, defaultValue);
	}

	void addHelp(String text) {
		if (dialog != null) dialog.addMessage(text);
	}

	void addMessage(String text) {
		addHelp(text);
	}

	/** Shows the dialog; false if the user cancelled. */
	boolean show() {
		if (dialog == null) return true;
		dialog.showDialog();
		return !dialog.wasCanceled();
	}

	String nextString() {
		Object[] f = fields.get(next++);
		if (dialog != null) return "choice".equals(f[0]) ? dialog.getNextChoice() : dialog.getNextString();
		return value(f, (String) f[2]);
	}

	String nextChoice() {
		Object[] f = fields.get(next++);
		if (dialog != null) return dialog.getNextChoice();
		String v = value(f, (String) f[2]);
		String[] items = (String[]) f[3];
		for (String item : items) if (item.equalsIgnoreCase(v)) return item;
		throw new CommandException("\"" + v + "\" is not a valid choice for \"" + f[1] + "\" in " + title + ". Use one of: "
			+ String.join(", ", Arrays.asList(items)) + ".");
	}

	/**
	 * A choice as the user typed it in a macro (a dialog gives the item chosen), for commands that
	 * accept short forms of their items (e.g. "trace" for "trace (geometric mean)") and parse them.
	 */
	String nextChoiceAsTyped() {
		Object[] f = fields.get(next++);
		if (dialog != null) return dialog.getNextChoice();
		return value(f, (String) f[2]);
	}

	double nextNumber() {
		Object[] f = fields.get(next++);
		if (dialog != null) {
			double v = dialog.getNextNumber();
			if (dialog.invalidNumber()) throw new CommandException("\"" + f[1] + "\" must be a number in " + title + ".");
			return v;
		}
		String v = value(f, null);
		if (v == null) return (Double) f[2];
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			throw new CommandException("\"" + f[1] + "\" must be a number in " + title + ", not \"" + v + "\".");
		}
	}

	boolean nextBoolean() {
		Object[] f = fields.get(next++);
		if (dialog != null) return dialog.getNextBoolean();
		if (macroOptions == null) return (Boolean) f[2];
		// As GenericDialog: a checked box is its bare key in the options.
		return isMatch(macroOptions, Macro.trimKey((String) f[1]) + " ");
	}

	private String value(Object[] f, String defaultValue) {
		if (macroOptions == null) return defaultValue;
		return Macro.getValue(macroOptions, (String) f[1], defaultValue);
	}

	private static boolean isMatch(String options, String key) {
		if (options.startsWith(key)) return true;
		boolean inLiteral = false;
		String k = " " + key;
		for (int i = 0; i + k.length() <= options.length(); i++) {
			char c = options.charAt(i);
			if (inLiteral && c == ']') inLiteral = false;
			else if (c == '[') inLiteral = true;
			if (!inLiteral && options.startsWith(k, i)) return true;
		}
		return false;
	}

	/**
	 * Reports a problem the user can fix and stops: a dialog in the GUI, which also aborts a running
	 * macro. Headless, ImageJ would show a macro's error in a dialog that cannot exist (the message
	 * is lost in a HeadlessException), so the message goes to standard error as
	 * {@code IVIM-J error: ...} and the macro is stopped directly.
	 */
	static void fail(String message) {
		Interpreter macro = Interpreter.getInstance();
		if (GraphicsEnvironment.isHeadless() && macro != null) {
			System.err.println("IVIM-J error: " + message);
			macro.setIgnoreErrors(true);
			macro.abort(message);
		}
		else IJ.error("IVIM-J", message);
		throw new RuntimeException(Macro.MACRO_CANCELED);
	}
}

package org.ivimj.ij;

import ij.Macro;
import ij.gui.GenericDialog;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link GenericDialog} that also works headless. With a display it is a GenericDialog (so options are
 * recorded by the Recorder and read from macro options as usual). Headless, where ImageJ 1 cannot build
 * dialogs, it reads the same macro keys from {@link Macro#getOptions()} with GenericDialog's rules: the
 * key is the label's first word in lower case; a checkbox is on when its key appears; a missing value
 * takes its default; with no options at all every field takes its default.
 */
public final class OptionsDialog {

	private final GenericDialog dialog;
	private final String options;
	private final Map<String, String> values = new HashMap<>();
	private final List<Object> defaults = new ArrayList<>();
	private final List<String> keys = new ArrayList<>();
	private final List<String[]> choices = new ArrayList<>();
	private int next;
	private boolean canceled;

	public OptionsDialog(String title) {
		if (GraphicsEnvironment.isHeadless()) {
			dialog = null;
			options = Macro.getOptions();
			if (options != null) parse(options);
		}
		else {
			dialog = new GenericDialog(title);
			options = null;
		}
	}

	/** Whether options come from a macro (or no dialog can be shown). */
	public boolean isHeadless() {
		return dialog == null;
	}

	public void addMessage(String text) {
		if (dialog != null) dialog.addMessage(text);
	}

	public void addNumericField(String label, double value, int digits, int columns, String units) {
		if (dialog != null) dialog.addNumericField(label, value, digits, columns, units);
		else add(label, value, null);
	}

	public void addStringField(String label, String value, int columns) {
		if (dialog != null) dialog.addStringField(label, value, columns);
		else add(label, value, null);
	}

	public void addFileField(String label, String path) {
		if (dialog != null) dialog.addFileField(label, path);
		else add(label, path, null);
	}

	public void addDirectoryField(String label, String path) {
		if (dialog != null) dialog.addDirectoryField(label, path);
		else add(label, path, null);
	}

	public void addCheckbox(String label, boolean value) {
		if (dialog != null) dialog.addCheckbox(label, value);
		else add(label, value, null);
	}

	public void addChoice(String label, String[] items, String value) {
		if (dialog != null) dialog.addChoice(label, items, value);
		else add(label, value, items);
	}

	/** Puts the next field on the same row as the previous one (display only). */
	public void addToSameRow() {
		if (dialog != null) dialog.addToSameRow();
	}

	public void addHelp(String text) {
		if (dialog != null) dialog.addHelp(text);
	}

	/** Shows the dialog (no-op headless); false if the user cancelled. */
	public boolean show() {
		if (dialog == null) return true;
		dialog.showDialog();
		canceled = dialog.wasCanceled();
		return !canceled;
	}

	public boolean wasCanceled() {
		return canceled;
	}

	public double getNextNumber() {
		if (dialog != null) {
			double v = dialog.getNextNumber();
			if (dialog.invalidNumber()) throw new IvimInputException("'" + dialog.getErrorMessage()
				+ "': type a number.");
			return v;
		}
		int i = next++;
		String v = value(i);
		if (v == null) return (Double) defaults.get(i);
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new IvimInputException("\"" + v + "\" is not a number (option " + keys.get(i) + "=).");
		}
	}

	public String getNextString() {
		if (dialog != null) return dialog.getNextString();
		int i = next++;
		String v = value(i);
		return v == null ? (String) defaults.get(i) : v;
	}

	public boolean getNextBoolean() {
		if (dialog != null) return dialog.getNextBoolean();
		int i = next++;
		if (options == null) return (Boolean) defaults.get(i);
		return values.containsKey(keys.get(i)) && values.get(keys.get(i)) == null;
	}

	public String getNextChoice() {
		if (dialog != null) return dialog.getNextChoice();
		int i = next++;
		String v = value(i);
		if (v == null) return (String) defaults.get(i);
		for (String item : choices.get(i))
			if (item.equalsIgnoreCase(v.trim())) return item;
		throw new IvimInputException("\"" + v + "\" is not a valid choice for " + keys.get(i) + "=: use one of "
			+ String.join(", ", choices.get(i)) + ".");
	}

	/**
	 * The next choice as a macro typed it, without checking it against the items (for commands that
	 * accept short forms and parse them); with a dialog, the item chosen.
	 */
	public String getNextChoiceAsTyped() {
		if (dialog != null) return dialog.getNextChoice();
		int i = next++;
		String v = value(i);
		return v == null ? (String) defaults.get(i) : v;
	}

	private void add(String label, Object value, String[] items) {
		keys.add(Macro.trimKey(label));
		defaults.add(value);
		choices.add(items);
	}

	private String value(int i) {
		return values.get(keys.get(i));
	}

	/** Splits "key=value key=[a value] flag" into keys with values (null for flags). */
	private void parse(String s) {
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && s.charAt(i) == ' ') i++;
			int start = i;
			while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '=') i++;
			if (start == i) {
				i++;
				continue;
			}
			String key = s.substring(start, i).toLowerCase(Locale.US);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String v;
				if (i < n && s.charAt(i) == '[') {
					int depth = 1, j = i + 1;
					for (; j < n && depth > 0; j++) {
						if (s.charAt(j) == '[') depth++;
						else if (s.charAt(j) == ']') depth--;
					}
					v = s.substring(i + 1, Math.max(i + 1, j - 1));
					i = j;
				}
				else if (i < n && s.charAt(i) == '\'') {
					int j = s.indexOf('\'', i + 1);
					if (j < 0) j = n;
					v = s.substring(i + 1, j);
					i = j + 1;
				}
				else {
					int j = s.indexOf(' ', i);
					if (j < 0) j = n;
					v = s.substring(i, j);
					i = j;
				}
				values.put(key, v);
			}
			else values.put(key, null);
		}
	}
}

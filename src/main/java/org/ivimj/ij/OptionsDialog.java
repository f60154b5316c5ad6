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
 * <p>
 * Either way, macro options are checked when the dialog is shown: a key the command does not have is
 * refused with the nearest valid key ("unknown option 'dstar_mx': did you mean 'dstar_max'?"), so a
 * misspelling never silently runs another analysis; and a field marked {@link #requireInMacro()} must be
 * given.
 */
public final class OptionsDialog {

	private final GenericDialog dialog;
	private final String options;
	private final Map<String, String> values = new HashMap<>();
	private final List<Object> defaults = new ArrayList<>();
	private final List<String> keys = new ArrayList<>();
	private final List<String[]> choices = new ArrayList<>();
	private final List<String> required = new ArrayList<>();
	private final List<String> alsoAccepted = new ArrayList<>();
	private final String title;
	private int next;
	private boolean canceled;

	/** Keys ImageJ itself may add to a recorded or hand-written command line. */
	private static final List<String> IMAGEJ_KEYS = java.util.Arrays.asList("stack");

	public OptionsDialog(String title) {
		this.title = title;
		options = Macro.getOptions();
		if (options != null) parse(options);
		dialog = GraphicsEnvironment.isHeadless() ? null : new GenericDialog(title);
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
		add(label, value, null);
	}

	public void addStringField(String label, String value, int columns) {
		if (dialog != null) dialog.addStringField(label, value, columns);
		add(label, value, null);
	}

	public void addFileField(String label, String path) {
		if (dialog != null) dialog.addFileField(label, path);
		add(label, path, null);
	}

	public void addDirectoryField(String label, String path) {
		if (dialog != null) dialog.addDirectoryField(label, path);
		add(label, path, null);
	}

	public void addCheckbox(String label, boolean value) {
		if (dialog != null) dialog.addCheckbox(label, value);
		add(label, value, null);
	}

	public void addChoice(String label, String[] items, String value) {
		if (dialog != null) dialog.addChoice(label, items, value);
		add(label, value, items);
	}

	/**
	 * Checkboxes in a grid of {@code rows} × {@code columns} (one macro key per label, as separate
	 * checkboxes have): a compact dialog.
	 */
	public void addCheckboxGroup(int rows, int columns, String[] labels, boolean[] values) {
		if (dialog != null) dialog.addCheckboxGroup(rows, columns, labels, values);
		for (int i = 0; i < labels.length; i++) add(labels[i], values[i], null);
	}

	/** This dialog's macro keys, in order. */
	public List<String> keys() {
		return new ArrayList<>(keys);
	}

	/**
	 * Macro keys read by another dialog of the same command (e.g. its advanced options): accepted here
	 * too, not refused as unknown.
	 */
	public void acceptAlso(List<String> otherKeys) {
		alsoAccepted.addAll(otherKeys);
	}

	/** Puts the next field on the same row as the previous one (display only). */
	public void addToSameRow() {
		if (dialog != null) dialog.addToSameRow();
	}

	/** A Help button opening {@code urlOrHtml} (with a display). */
	public void addHelp(String urlOrHtml) {
		if (dialog != null) dialog.addHelp(urlOrHtml);
	}

	/** Whether options come from a macro (so every dialog of a command reads them, shown or not). */
	public boolean fromMacro() {
		return options != null;
	}

	/**
	 * Marks the field added last as one a macro must give (e.g. the folder of an import): without it the
	 * command would run on a default the macro's author never chose.
	 */
	public void requireInMacro() {
		required.add(keys.get(keys.size() - 1));
	}

	/**
	 * Shows the dialog (no-op headless); false if the user cancelled. Macro options are checked first:
	 * throws {@link IvimInputException} for an unknown key or a missing required one.
	 */
	public boolean show() {
		if (options != null) checkKeys();
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

	private void checkKeys() {
		for (String key : values.keySet()) {
			if (keys.contains(key) || alsoAccepted.contains(key) || IMAGEJ_KEYS.contains(key)) continue;
			String nearest = nearest(key);
			throw new IvimInputException(title + ": unknown option '" + key + "'" + (nearest != null ? ": did you mean '"
				+ nearest + "'?" : ".") + " Its options are: " + String.join(", ", keys) + (alsoAccepted.isEmpty() ? ""
				: ", " + String.join(", ", alsoAccepted)) + ".");
		}
		for (String key : required)
			if (!values.containsKey(key)) throw new IvimInputException(title + ": option " + key + "= is missing: give it, e.g. "
				+ key + "=[/path/to/data].");
	}

	/** The declared key closest to {@code key} in edit distance, if close enough to be a misspelling. */
	private String nearest(String key) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		List<String> all = new ArrayList<>(keys);
		all.addAll(alsoAccepted);
		for (String k : all) {
			int d = editDistance(key, k);
			if (d < bestDistance) {
				bestDistance = d;
				best = k;
			}
		}
		return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
	}

	static int editDistance(String a, String b) {
		int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++)
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
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

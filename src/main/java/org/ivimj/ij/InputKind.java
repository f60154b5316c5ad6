package org.ivimj.ij;

import ij.gui.GenericDialog;

import java.util.List;

import org.scijava.module.ModuleItem;

/**
 * How one {@code @Parameter} of a command appears in its ImageJ 1 dialog and is read from a macro: a
 * checkbox, a number, a choice, a table (a list of the open tables, or a title or CSV path), a folder
 * or file path, or text. Types a dialog cannot hold (the image, ROI lists, services) have no kind.
 */
enum InputKind {
	CHECKBOX, NUMBER, CHOICE, TABLE, DIRECTORY, FILE, TEXT;

	/** The kind of a command input, or null if it is not a dialog field. */
	static InputKind of(ModuleItem<?> item) {
		Class<?> t = item.getType();
		if (t == boolean.class || t == Boolean.class) return CHECKBOX;
		if (t == double.class || t == Double.class || t == int.class || t == Integer.class || t == long.class
			|| t == Long.class || t == float.class || t == Float.class) return NUMBER;
		if (t != String.class) return null;
		String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
		if (style.contains("directory")) return DIRECTORY;
		if (style.contains("file") || style.contains("open")) return FILE;
		if (style.contains("table")) return TABLE;
		List<?> choices = item.getChoices();
		return style.contains("choice") || choices != null && !choices.isEmpty() ? CHOICE : TEXT;
	}

	static boolean isAdvanced(ModuleItem<?> item) {
		return item.get("advanced") != null;
	}

	/** A path the user must give (a required file or folder): a macro without it is refused, whatever the default. */
	static boolean isRequiredPath(ModuleItem<?> item) {
		InputKind k = of(item);
		return (k == DIRECTORY || k == FILE) && item.isRequired();
	}

	/** Adds the field to the dialog under the item's name (its macro key); returns the kind actually used. */
	InputKind add(GenericDialog gd, ModuleItem<?> item, Object value, String[] items) {
		String key = item.getName();
		switch (this) {
			case CHECKBOX:
				gd.addCheckbox(key, value != null && (Boolean) value);
				return this;
			case NUMBER: {
				double v = value == null ? Double.NaN : ((Number) value).doubleValue();
				String units = item.get("units");
				gd.addNumericField(key, v, digits(item, v), 8, units == null ? "" : units);
				return this;
			}
			case CHOICE: {
				gd.addChoice(key, items, match(items, value == null ? items[0] : value.toString(), key, ""));
				return this;
			}
			case TABLE: {
				List<String> titles = IvimTables.titles();
				if (!titles.isEmpty()) {
					// Attribute "prefer": a title to preselect, or "first"/"second" open table; else the newest.
					String v = value == null || value.toString().isEmpty() ? item.get("prefer") : value.toString();
					String chosen = titles.contains(v) ? v : "first".equals(v) ? titles.get(0)
						: "second".equals(v) ? titles.get(Math.min(1, titles.size() - 1)) : titles.get(titles.size() - 1);
					gd.addChoice(key, titles.toArray(new String[0]), chosen);
					return CHOICE;
				}
				gd.addStringField(key, value == null ? "" : value.toString(), 24);
				return TEXT;
			}
			case DIRECTORY:
				gd.addDirectoryField(key, value == null ? "" : value.toString(), 28);
				return this;
			case FILE:
				gd.addFileField(key, value == null ? "" : value.toString(), 28);
				return this;
			default: {
				String columns = item.get("columns");
				gd.addStringField(key, value == null ? "" : value.toString(), columns == null ? 16 : Integer.parseInt(columns));
				return this;
			}
		}
	}

	/**
	 * Whether a field of this kind (as added) takes the rest of its dialog row: GenericDialog gives a text
	 * field wider than 8 columns, and a path field with its Browse button, the row's remaining width.
	 */
	boolean fillsRow(ModuleItem<?> item) {
		if (this == DIRECTORY || this == FILE) return true;
		if (this != TEXT) return false;
		String columns = item.get("columns");
		return columns == null || Integer.parseInt(columns) > 8;
	}

	/** Reads the field back (in the order added). */
	Object read(GenericDialog gd, ModuleItem<?> item, String title) {
		switch (this) {
			case CHECKBOX:
				return gd.getNextBoolean();
			case NUMBER: {
				double v = gd.getNextNumber();
				if (gd.invalidNumber()) throw new IvimInputException(title + ": " + item.getName() + " is not a number ('"
					+ gd.getErrorMessage() + "'): type a number.");
				return number(item, v, title);
			}
			case CHOICE:
				return gd.getNextChoice();
			default:
				return gd.getNextString();
		}
	}

	/** Converts a macro value to the item's type. */
	Object parse(ModuleItem<?> item, String text, String title, String[] items) {
		switch (this) {
			case NUMBER: {
				double v;
				try {
					v = Double.parseDouble(text.trim());
				}
				catch (NumberFormatException e) {
					throw new IvimInputException(title + ": \"" + text + "\" is not a number (option " + item.getName() + "=).");
				}
				return number(item, v, title);
			}
			case CHOICE:
				return match(items, text, item.getName(), title + ": ");
			default:
				return text;
		}
	}

	/** The value as the item's number type; a fractional value for an integer parameter is refused. */
	private static Object number(ModuleItem<?> item, double v, String title) {
		Class<?> t = item.getType();
		if (t == double.class || t == Double.class) return v;
		if (t == float.class || t == Float.class) return (float) v;
		if (v != Math.rint(v) || Double.isInfinite(v))
			throw new IvimInputException(title + ": " + item.getName() + "=" + v + ": give a whole number.");
		if (t == long.class || t == Long.class) return (long) v;
		return (int) v;
	}

	/** The items of a choice: declared, or from the command ({@link ChoiceSource}); null for other kinds. */
	static String[] choices(ModuleItem<?> item, Object command) {
		if (item.getChoices() != null && !item.getChoices().isEmpty())
			return item.getChoices().stream().map(Object::toString).toArray(String[]::new);
		return command instanceof ChoiceSource ? ((ChoiceSource) command).choices(item.getName()) : null;
	}

	/**
	 * The item of {@code items} a user meant by {@code text}: equal ignoring case, else the one item it
	 * starts (e.g. "trace" for "trace (geometric mean)"). Throws with the list of items otherwise.
	 */
	static String match(String[] items, String text, String key, String prefix) {
		String t = text.trim();
		for (String item : items) if (item.equalsIgnoreCase(t)) return item;
		String found = null;
		for (String item : items)
			if (!t.isEmpty() && item.toLowerCase(java.util.Locale.ROOT).startsWith(t.toLowerCase(java.util.Locale.ROOT))) {
				if (found != null) {
					found = null;
					break;
				}
				found = item;
			}
		if (found != null) return found;
		throw new IvimInputException(prefix + "\"" + text + "\" is not a valid choice for " + key + "=: use one of "
			+ String.join(", ", items) + ".");
	}

	/** Decimals shown: the {@code digits} attribute, else as many as the default needs (at most 6). */
	private static int digits(ModuleItem<?> item, double v) {
		String d = item.get("digits");
		if (d != null) return Integer.parseInt(d);
		Class<?> t = item.getType();
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return 0;
		for (int k = 0; k < 6; k++) {
			double scaled = v * Math.pow(10, k);
			if (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return Math.max(k, 1);
		}
		return 6;
	}
}

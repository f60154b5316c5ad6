package org.ivimj.ij;

import ij.Macro;
import ij.gui.GenericDialog;

import java.awt.Checkbox;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Vector;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * The ImageJ 1 face of a SciJava command: a {@link GenericDialog} built from the command's
 * {@code @Parameter}s, or, in a macro, the same inputs read from the macro's option string. Each
 * parameter's name is its macro key (ImageJ's Recorder writes it, since every field is added under its
 * key and only its shown text is the parameter's label); booleans are checkboxes (a grid per
 * {@code group} attribute), numbers numeric fields with their {@code units}, strings with choices a
 * choice, style {@code directory}/{@code file} a path field with a browse button, style {@code table} a
 * list of the open tables. Parameters with the attribute {@code advanced} go into a second dialog,
 * opened on request (a macro gives both dialogs' keys on one line).
 * <p>
 * Macro options are checked before anything runs: an unknown key is refused with the nearest valid one,
 * a required path must be given. Inputs of other types (the image, ROI lists) are not shown: the
 * caller sets them.
 */
public final class CommandDialog {

	/** A key macros may give for any command: ImageJ's own Recorder adds it for stacks. */
	private static final String IMAGEJ_KEY = "stack";
	/** The main dialog's checkbox that opens the advanced options. */
	public static final String ADVANCED = "advanced";

	private final Module module;
	private final String title;
	private final String help;
	private final List<ModuleItem<?>> main = new ArrayList<>(), advanced = new ArrayList<>();

	/**
	 * @param title the dialog's title and the prefix of its error messages
	 * @param help URL opened by the dialogs' Help button; null for none
	 */
	public CommandDialog(Module module, String title, String help) {
		this.module = module;
		this.title = title;
		this.help = help;
		for (ModuleItem<?> item : module.getInfo().inputs()) {
			if (InputKind.of(item) == null) continue;
			(InputKind.isAdvanced(item) ? advanced : main).add(item);
		}
	}

	/** The macro keys this command accepts (parameter names and their declared aliases). */
	public Set<String> keys() {
		Set<String> keys = new LinkedHashSet<>();
		for (List<ModuleItem<?>> items : List.of(main, advanced))
			for (ModuleItem<?> item : items) {
				keys.add(item.getName());
				String alias = item.get("alias");
				if (alias != null) for (String a : alias.split(",")) keys.add(a.trim());
			}
		if (!advanced.isEmpty()) keys.add(ADVANCED);
		return keys;
	}

	/**
	 * Sets every dialog input of the module: from the running macro's options if there are any (or its
	 * defaults, in a -batch macro that nobody can answer a dialog for), else from the dialog(s) the user
	 * fills in. Returns false if the user cancelled. Throws
	 * {@link IvimInputException} for an unknown or missing macro key or a value that does not parse.
	 */
	public boolean fill() {
		String options = Macro.getOptions();
		// A macro run without ImageJ's window (-batch) has nobody to answer a dialog: it takes the defaults.
		boolean unattended = ij.IJ.getInstance() == null && ij.macro.Interpreter.getInstance() != null;
		if (options != null || unattended || GraphicsEnvironment.isHeadless() || main.isEmpty() && advanced.isEmpty()) {
			fill(options);
			return true;
		}
		return fromDialog();
	}

	/** Sets every dialog input from a macro-style option line (null: every input keeps its default), as a macro would. */
	public void fill(String options) {
		fromMacro(new MacroOptions(options));
	}

	private void fromMacro(MacroOptions options) {
		Set<String> keys = keys();
		for (String key : options.keys()) {
			if (keys.contains(key) || key.equals(IMAGEJ_KEY)) continue;
			String nearest = MacroOptions.nearest(key, keys);
			throw new IvimInputException(title + ": unknown option '" + key + "'" + (nearest != null ? ": did you mean '"
				+ nearest + "'?" : ".") + " Its options are: " + String.join(", ", keys) + ".");
		}
		List<ModuleItem<?>> all = new ArrayList<>(main);
		all.addAll(advanced);
		for (ModuleItem<?> item : all) {
			String key = keyGiven(item, options);
			InputKind kind = InputKind.of(item);
			if (kind == InputKind.CHECKBOX) {
				set(item, key != null && options.flag(key) || key != null && "true".equalsIgnoreCase(options.value(key)));
				continue;
			}
			String text = key == null ? null : options.value(key);
			if (text == null) {
				if (InputKind.isRequiredPath(item))
					throw new IvimInputException(title + ": option " + item.getName() + "= is missing: give it, e.g. "
						+ item.getName() + "=[/path/to/data].");
				module.resolveInput(item.getName());
				continue;
			}
			set(item, kind.parse(item, text, title, InputKind.choices(item, module.getDelegateObject())));
		}
	}

	/** The key under which the macro gave this item (its name or an alias), or null. */
	private static String keyGiven(ModuleItem<?> item, MacroOptions options) {
		if (options.has(item.getName())) return item.getName();
		String alias = item.get("alias");
		if (alias != null) for (String a : alias.split(",")) if (options.has(a.trim())) return a.trim();
		return null;
	}

	private boolean fromDialog() {
		GenericDialog gd = new GenericDialog(title);
		List<InputKind> kinds = build(gd, main);
		if (!advanced.isEmpty()) {
			gd.addCheckbox(ADVANCED, false);
			label(gd, "Advanced options… (bounds, thresholds, rare settings: a second dialog)", true);
		}
		if (help != null) gd.addHelp(help);
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		read(gd, main, kinds);
		boolean more = !advanced.isEmpty() && gd.getNextBoolean();
		if (!more) {
			for (ModuleItem<?> item : advanced) module.resolveInput(item.getName());
			return true;
		}
		GenericDialog ad = new GenericDialog(title + ": advanced options");
		List<InputKind> adKinds = build(ad, advanced);
		if (help != null) ad.addHelp(help);
		ad.showDialog();
		if (ad.wasCanceled()) return false;
		read(ad, advanced, adKinds);
		return true;
	}

	/** Adds the items' fields; returns the kind used for each (a table field may fall back to text). */
	private List<InputKind> build(GenericDialog gd, List<ModuleItem<?>> items) {
		List<InputKind> kinds = new ArrayList<>();
		String group = null;
		boolean rowFilled = true;
		for (int i = 0; i < items.size(); i++) {
			ModuleItem<?> item = items.get(i);
			InputKind kind = InputKind.of(item);
			String g = item.get("group");
			if (g != null && !g.equals(group)) {
				gd.addMessage(g);
				rowFilled = true;
			}
			group = g;
			if (kind == InputKind.CHECKBOX && g != null) {
				int j = i;
				while (j < items.size() && InputKind.of(items.get(j)) == InputKind.CHECKBOX && g.equals(items.get(j).get("group"))) j++;
				String[] keys = new String[j - i];
				boolean[] values = new boolean[j - i];
				for (int k = i; k < j; k++) {
					keys[k - i] = items.get(k).getName();
					values[k - i] = (Boolean) module.getInput(items.get(k).getName());
					kinds.add(kind);
				}
				gd.addCheckboxGroup((keys.length + 1) / 2, 2, keys, values);
				Vector<?> boxes = gd.getCheckboxes();
				for (int k = i; k < j; k++)
					((Checkbox) boxes.get(boxes.size() - (j - k))).setLabel(text(items.get(k)));
				i = j - 1;
				rowFilled = true;
				continue;
			}
			// GenericDialog gives a wide text or path field the rest of its row: a field asked onto that row
			// would not be drawn, so it starts a row of its own.
			if ("same".equals(item.get("row")) && !rowFilled) gd.addToSameRow();
			InputKind added = kind.add(gd, item, module.getInput(item.getName()), InputKind.choices(item, module.getDelegateObject()));
			kinds.add(added);
			rowFilled = added.fillsRow(item);
			label(gd, text(item), kind == InputKind.CHECKBOX);
		}
		return kinds;
	}

	private void read(GenericDialog gd, List<ModuleItem<?>> items, List<InputKind> kinds) {
		for (int i = 0; i < items.size(); i++) set(items.get(i), kinds.get(i).read(gd, items.get(i), title));
	}

	private void set(ModuleItem<?> item, Object value) {
		module.setInput(item.getName(), value);
		module.resolveInput(item.getName());
	}

	/** The words shown for a field: its label, else its name with spaces. */
	private static String text(ModuleItem<?> item) {
		String label = item.getLabel();
		return label == null || label.isEmpty() ? item.getName().replace('_', ' ') : label;
	}

	/** Shows {@code text} instead of the key for the field (or checkbox) added last; the key stays its macro key. */
	private static void label(GenericDialog gd, String text, boolean checkbox) {
		if (checkbox) {
			Vector<?> boxes = gd.getCheckboxes();
			((Checkbox) boxes.lastElement()).setLabel(text);
		}
		else if (gd.getLabel() != null) gd.getLabel().setText(text);
	}

}

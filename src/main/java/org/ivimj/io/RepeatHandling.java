package org.ivimj.io;

/** What to do with several images at one b-value and slice (diffusion directions, repeats). */
public enum RepeatHandling {
	/** Geometric mean: the scanner's "trace-weighted" image (the default). */
	TRACE("trace (geometric mean)"),
	/** Arithmetic mean. */
	MEAN("arithmetic mean"),
	/** Each image its own frame, repeats in acquisition order. */
	SEPARATE("kept apart");

	/** The word shown in the dialog and used as macro value. */
	public final String label;

	RepeatHandling(String label) {
		this.label = label;
	}

	/** All labels, in dialog order. */
	public static String[] labels() {
		RepeatHandling[] v = values();
		String[] s = new String[v.length];
		for (int i = 0; i < v.length; i++) s[i] = v[i].label;
		return s;
	}

	/** The choice whose label (or first word, or name) matches, case-insensitively. */
	public static RepeatHandling parse(String text) {
		String t = text.trim().toLowerCase();
		for (RepeatHandling r : values())
			if (r.label.equals(t) || r.label.startsWith(t + " ") || r.name().equalsIgnoreCase(t)) return r;
		throw new IllegalArgumentException("Unknown choice for repeats '" + text + "': use trace, mean or kept apart.");
	}
}

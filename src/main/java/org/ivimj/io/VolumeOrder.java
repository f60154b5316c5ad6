package org.ivimj.io;

/** Order of the frames (volumes) of an imported series. */
public enum VolumeOrder {
	/** Ascending b-value; repeats of one b-value in acquisition order (the IVIM-J convention). */
	B_VALUE("ascending b"),
	/** Acquisition order (the order dcm2niix writes volumes in). */
	ACQUISITION("acquisition");

	/** The word shown in the dialog and used as macro value. */
	public final String label;

	VolumeOrder(String label) {
		this.label = label;
	}

	/** All labels, in dialog order. */
	public static String[] labels() {
		return new String[] { B_VALUE.label, ACQUISITION.label };
	}

	/** The choice whose label (or its first word) matches, case-insensitively. */
	public static VolumeOrder parse(String text) {
		String t = text.trim().toLowerCase();
		for (VolumeOrder o : values())
			if (o.label.equals(t) || o.label.startsWith(t) || o.name().equalsIgnoreCase(t)) return o;
		throw new IllegalArgumentException("Unknown volume order '" + text + "': use 'ascending b' or 'acquisition'.");
	}
}

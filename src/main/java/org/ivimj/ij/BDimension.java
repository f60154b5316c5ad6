package org.ivimj.ij;

/** Which hyperstack dimension of an image holds the b-values. */
public enum BDimension {
	CHANNELS, SLICES, FRAMES;

	/** Parses a macro/property word ("channels", "slices", "frames"), case-insensitively. */
	public static BDimension parse(String word) {
		for (BDimension d : values())
			if (d.name().equalsIgnoreCase(word.trim())) return d;
		throw new IllegalArgumentException("Unknown b-value dimension '" + word
			+ "': use channels, slices or frames.");
	}

	/** Lower-case word used in macro options and image properties. */
	public String word() {
		return name().toLowerCase();
	}
}

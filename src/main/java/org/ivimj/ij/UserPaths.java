package org.ivimj.ij;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Turns a path typed in a dialog or a macro option into a {@link Path}, refusing text that cannot be a
 * path (a NUL character, an illegal name) with a message naming the option instead of Java's
 * InvalidPathException trace.
 */
public final class UserPaths {

	private UserPaths() {}

	/** The path {@code text} names; {@code option} is the macro key it came from, for the message. */
	public static Path of(String text, String option) {
		String t = text.trim();
		try {
			if (t.indexOf('\0') >= 0) throw new InvalidPathException(t.replace('\0', '?'), "NUL character");
			return Paths.get(t);
		}
		catch (InvalidPathException e) {
			throw new IvimInputException(option + "=[" + t.replace('\0', '?') + "] is not a valid path (" + e.getReason()
				+ "): type the path of the file or folder again.");
		}
	}
}

package org.ivimj.ij;

import java.util.Locale;

import org.scijava.command.CommandInfo;

/**
 * Where a command is documented: its {@code @Plugin} declares {@code @Attr(name = "help", value =
 * "<file in docs/> <heading as written there>")}, and the Help button of its dialog opens that section
 * of the docs on the project's site.
 */
public final class HelpLinks {

	/** The docs folder on the project's site (pom.xml's url). */
	public static final String DOCS = "https://github.com/ivimj/ivim-j/blob/main/docs/";

	private HelpLinks() {}

	/** The docs file and heading a command declares, or null. */
	public static String[] page(CommandInfo info) {
		String help = info.get("help");
		if (help == null) return null;
		int space = help.indexOf(' ');
		return space < 0 ? new String[] {help, null} : new String[] {help.substring(0, space), help.substring(space + 1).trim()};
	}

	/** The URL of a command's section (GitHub's anchor for its heading); the commands page if it declares none. */
	public static String url(CommandInfo info) {
		String[] p = page(info);
		if (p == null) return DOCS + "fiji-commands.md";
		return p[1] == null ? DOCS + p[0] : DOCS + p[0] + "#" + anchor(p[1]);
	}

	/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
	public static String anchor(String heading) {
		String text = heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
		StringBuilder sb = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') sb.append(c);
			else if (c == ' ') sb.append('-');
		}
		return sb.toString();
	}
}

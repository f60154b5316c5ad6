package org.ivimj.plugins;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each command is documented: the Help button of its dialog opens that section of the docs on
 * the project's site. {@code HelpPagesTest} checks every command has a page whose heading exists.
 */
final class HelpPages {

	/** The docs folder on the project's site (pom.xml's url). */
	static final String DOCS = "https://github.com/ivimj/ivim-j/blob/main/docs/";

	private static final Map<String, String> PAGES = new HashMap<>();
	static {
		page("fiji-commands.md", "## Set b-values...", "Set b-values...");
		page("fiji-commands.md", "## Fit IVIM Maps...", "Fit IVIM Maps...");
		page("fiji-commands.md", "## IVIM Decay Plot...", "IVIM Decay Plot...");
		page("fiji-commands.md", "## IVIM Phantom...", "IVIM Phantom...");
		page("fiji-commands.md", "## Menus", "IVIM Protocol Simulator...", "About IVIM-J...");
		page("import.md", "## DICOM Diffusion Series (IVIM)...", "DICOM Diffusion Series (IVIM)...");
		page("import.md", "## DICOM Stack to IVIM Hyperstack...", "DICOM Stack to IVIM Hyperstack...");
		page("import.md", "## NIfTI Diffusion (IVIM)...", "NIfTI Diffusion (IVIM)...");
		page("import.md", "## Save as NIfTI...", "Save as NIfTI...");
		page("statistics.md", "### IVIM Example Study...", "IVIM Example Study...");
		page("statistics.md", "### IVIM Combine Readers...", "IVIM Combine Readers...");
		page("statistics.md", "### IVIM Reader Agreement...", "IVIM Reader Agreement...");
		page("statistics.md", "### IVIM Descriptive Statistics... (Table 1)", "IVIM Descriptive Statistics...");
		page("statistics.md", "### IVIM Group Comparison... (Table 2)", "IVIM Group Comparison...");
		page("statistics.md", "### IVIM Logistic Regression... (Table 3)", "IVIM Logistic Regression...");
		page("statistics.md", "### IVIM ROC Analysis... (Table 4, Figure 3)", "IVIM ROC Analysis...");
	}

	private HelpPages() {}

	private static void page(String file, String heading, String... commands) {
		for (String c : commands) PAGES.put(c, file + "\n" + heading);
	}

	/** The docs file and the heading (as written in it) of a command, or null. */
	static String[] page(String command) {
		String p = PAGES.get(command);
		return p == null ? null : p.split("\n");
	}

	/** The URL of a command's section (GitHub's anchor for its heading). */
	static String url(String command) {
		String[] p = page(command);
		if (p == null) return DOCS + "fiji-commands.md";
		return DOCS + p[0] + "#" + anchor(p[1]);
	}

	/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
	static String anchor(String heading) {
		String text = heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
		StringBuilder sb = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') sb.append(c);
			else if (c == ' ') sb.append('-');
		}
		return sb.toString();
	}
}

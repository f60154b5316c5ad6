package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.ij.HelpLinks;
import org.ivimj.ij.SciJava;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** Every menu command's Help button leads to a heading that exists in the docs, and its menu name is its SciJava label. */
class HelpPagesTest {

	@Test
	void everyCommandHasAHelpPageThatExists() throws Exception {
		Path root = ImageJHarness.projectDir();
		Pattern entry = Pattern.compile("^[^,#]+,\\s*\"([^\"]+)\",\\s*org\\.ivimj\\.ij\\.CommandPlugIn\\(\"([\\w.]+)\"\\)$");
		CommandService commands = SciJava.context().service(CommandService.class);
		int n = 0;
		for (String line : Files.readAllLines(root.resolve("plugins.config"))) {
			Matcher m = entry.matcher(line.trim());
			if (!m.matches()) continue;
			CommandInfo info = commands.getCommand(m.group(2));
			assertNotNull(info, m.group(2) + " is not a SciJava command");
			assertEquals(m.group(1), info.getLabel(), "menu name and the command's label");
			assertEquals(null, info.getMenuPath() == null || info.getMenuPath().isEmpty() ? null : info.getMenuPath(),
				m.group(1) + " must have no SciJava menu path (Fiji would list it twice)");
			String[] page = HelpLinks.page(info);
			assertNotNull(page, m.group(1) + " has no help page");
			List<String> doc = Files.readAllLines(root.resolve("docs").resolve(page[0]));
			assertTrue(doc.contains(page[1]), m.group(1) + ": docs/" + page[0] + " has no heading \"" + page[1] + "\"");
			assertTrue(HelpLinks.url(info).startsWith(HelpLinks.DOCS + page[0] + "#"), HelpLinks.url(info));
			n++;
		}
		assertEquals(18, n, "commands in plugins.config");
		assertEquals("ivim-descriptive-statistics-table-1", HelpLinks.anchor("### IVIM Descriptive Statistics... (Table 1)"));
		assertEquals("dicom-diffusion-series-ivim", HelpLinks.anchor("## DICOM Diffusion Series (IVIM)..."));
	}
}

package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;

/** Every menu command's Help button leads to a heading that exists in the docs. */
class HelpPagesTest {

	@Test
	void everyCommandHasAHelpPageThatExists() throws Exception {
		Path root = ImageJHarness.projectDir();
		Pattern entry = Pattern.compile("^[^,#]+,\\s*\"([^\"]+)\",\\s*\\S.*$");
		int n = 0;
		for (String line : Files.readAllLines(root.resolve("plugins.config"))) {
			Matcher m = entry.matcher(line.trim());
			if (!m.matches()) continue;
			String command = m.group(1);
			String[] page = HelpPages.page(command);
			assertNotNull(page, command + " has no help page");
			List<String> doc = Files.readAllLines(root.resolve("docs").resolve(page[0]));
			assertTrue(doc.contains(page[1]), command + ": docs/" + page[0] + " has no heading \"" + page[1] + "\"");
			assertTrue(HelpPages.url(command).startsWith(HelpPages.DOCS + page[0] + "#"), HelpPages.url(command));
			n++;
		}
		assertEquals(17, n, "commands in plugins.config");
		assertEquals("ivim-descriptive-statistics-table-1", HelpPages.anchor("### IVIM Descriptive Statistics... (Table 1)"));
		assertEquals("dicom-diffusion-series-ivim", HelpPages.anchor("## DICOM Diffusion Series (IVIM)..."));
	}
}

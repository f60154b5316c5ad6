package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.ij.HelpLinks;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu's last entry gives the documentation's address (a browser only for a user at ImageJ's window). */
class DocumentationCommandTest {

	@Test
	void aMacroGetsTheAddressOfThePageThatListsEveryCommand(@TempDir Path dir) throws Exception {
		ImageJHarness.Run run = ImageJHarness.runBatchMacroText("run(\"IVIM-J Documentation...\");", dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains(DocumentationCommand.URL), run.toString());
		String file = DocumentationCommand.URL.substring(HelpLinks.DOCS.length());
		assertTrue(Files.isRegularFile(ImageJHarness.projectDir().resolve("docs").resolve(file)), file);
	}
}

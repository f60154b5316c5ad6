package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import java.nio.file.Path;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutCommandTest {

	@Test
	void runsFromIjRunInThisJvm() {
		ImageJHarness.registerCommands();
		IJ.run("About IVIM-J...");
		assertTrue(IJ.getLog() == null || IJ.getLog().contains("IVIM-J"));
		assertTrue(AboutCommand.text().contains("S0 [(1 - f) exp(-b D) + f exp(-b D*)]"));
		assertTrue(AboutCommand.text().contains("Le Bihan D et al. Radiology 1988"), "the method papers to cite");
		assertTrue(AboutCommand.text().contains("Licence: BSD 2-Clause"));
	}

	@Test
	void runsInImageJBatchModeAsAPluginJar(@TempDir Path dir) throws Exception {
		ImageJHarness.Run run = ImageJHarness.runBatchMacroText("run(\"About IVIM-J...\");\nprint(\"log: \" + getInfo(\"log\"));\n", dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("IVIM-J"), run.toString());
		assertTrue(run.output.contains("exp(-(b DDC)^alpha)"), run.toString());
	}
}

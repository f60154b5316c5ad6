package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.frame.RoiManager;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessRoiManagerTest {

	@Test
	void isImageJsRoiManagerHeadless() {
		ImageJHarness.registerCommands();
		RoiManager rm = HeadlessRoiManager.install();
		assertSame(rm, RoiManager.getInstance());
		rm.reset();
		rm.addRoi(new ij.gui.Roi(1, 2, 3, 4));
		assertEquals(1, rm.getCount());
		rm.reset();
	}

	@Test
	void roiManagerMacroFunctionsWorkInBatchMode(@TempDir Path dir) throws Exception {
		Path macro = dir.resolve("rm.ijm");
		Files.writeString(macro, "newImage(\"t\", \"32-bit ramp\", 64, 64, 3);\n"
			+ "makeOval(10, 10, 20, 20);\nroiManager(\"add\");\n"
			+ "makeRectangle(5, 5, 10, 10);\nRoi.setPosition(2);\nroiManager(\"add\");\n"
			+ "roiManager(\"select\", 1);\nroiManager(\"rename\", \"lesion\");\n"
			+ "print(\"count=\" + roiManager(\"count\") + \" name=\" + RoiManager.getName(1) + \" index=\" + roiManager(\"index\"));\n"
			+ "roiManager(\"save\", \"" + dir.resolve("rois.zip") + "\");\nroiManager(\"reset\");\n"
			+ "roiManager(\"open\", \"" + dir.resolve("rois.zip") + "\");\nprint(\"reopened=\" + roiManager(\"count\"));\n");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, null, dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("count=2 name=lesion index=1"), run.toString());
		assertTrue(run.output.contains("reopened=2"), run.toString());
	}
}

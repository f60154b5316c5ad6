package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Headless, the dialog reads macro keys the way ImageJ's GenericDialog does. */
class OptionsDialogTest {

	private String threadName;

	@org.junit.jupiter.api.BeforeEach
	void actLikeIJRun() {
		// ImageJ hands macro options only to threads named like those IJ.run uses.
		threadName = Thread.currentThread().getName();
		Thread.currentThread().setName("Run$_" + threadName);
	}

	@AfterEach
	void clear() {
		Macro.setOptions(null);
		Thread.currentThread().setName(threadName);
	}

	private static OptionsDialog dialog(String options) {
		System.setProperty("java.awt.headless", "true");
		Macro.setOptions(options);
		OptionsDialog gd = new OptionsDialog("test");
		gd.addCheckbox("mono (log-linear)", true);
		gd.addCheckbox("mono_nonlinear", true);
		gd.addChoice("region", new String[] {"automatic", "ROI Manager (all)"}, "automatic");
		gd.addStringField("background (threshold)", "auto", 5);
		gd.addNumericField("segmentation_threshold", 200, 0, 5, "");
		gd.addNumericField("d_max", 0.005, 5, 8, "");
		return gd;
	}

	@Test
	void keysAreTheLabelsFirstWords() {
		OptionsDialog gd = dialog("mono region=[roi manager (all)] background=120 d_max=0.004");
		assertTrue(gd.show());
		assertTrue(gd.getNextBoolean());
		assertFalse(gd.getNextBoolean(), "a checkbox missing from macro options is off, as in GenericDialog");
		assertEquals("ROI Manager (all)", gd.getNextChoice());
		assertEquals("120", gd.getNextString());
		assertEquals(200, gd.getNextNumber(), 0, "missing value: default");
		assertEquals(0.004, gd.getNextNumber(), 0);
	}

	@Test
	void noOptionsMeansDefaults() {
		OptionsDialog gd = dialog(null);
		assertTrue(gd.getNextBoolean());
		assertTrue(gd.getNextBoolean());
		assertEquals("automatic", gd.getNextChoice());
		assertEquals("auto", gd.getNextString());
	}

	@Test
	void badValuesAreReported() {
		OptionsDialog gd = dialog("region=nowhere segmentation_threshold=high");
		gd.getNextBoolean();
		gd.getNextBoolean();
		assertThrows(IvimInputException.class, gd::getNextChoice);
		gd.getNextString();
		assertTrue(assertThrows(IvimInputException.class, gd::getNextNumber).getMessage().contains("segmentation_threshold"));
	}
}

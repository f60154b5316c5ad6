package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.module.Module;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A command's macro keys are its parameter names: read with ImageJ's rules (an absent checkbox is off,
 * an absent value keeps its default, bracketed values hold spaces), checked against the declaration
 * (unknown keys refused with the nearest one, required paths demanded, bad numbers and choices named).
 */
class CommandDialogTest {

	/** A command declaring one input of each kind. */
	@Plugin(type = Command.class, label = "Dialog Test...")
	public static class Sample implements Command {
		@Parameter(label = "mono: ADC", persist = false)
		public boolean mono = true;
		@Parameter(label = "free", persist = false)
		public boolean free = true;
		@Parameter(label = "Region", choices = {"automatic", "ROI Manager (all)", "whole image"}, persist = false)
		public String region = "automatic";
		@Parameter(label = "Background", persist = false)
		public String background = "auto";
		@Parameter(label = "Threshold", min = "0", attrs = @Attr(name = "advanced", value = "true"), persist = false)
		public double segmentation_threshold = 200;
		@Parameter(label = "Iterations", attrs = {@Attr(name = "advanced", value = "true"), @Attr(name = "alias", value = "iterations")},
			persist = false)
		public int max_iterations = 200;
		@Parameter(label = "Folder", style = "directory", persist = false)
		public String folder = "";

		@Override
		public void run() {
			DeclaredInputs.check(this, "Dialog Test");
		}
	}

	private static Sample fill(String options) {
		Module m = Commands.module(Sample.class, Collections.emptyMap());
		new CommandDialog(m, "Dialog Test", null).fill(options);
		m.run();
		return (Sample) m.getDelegateObject();
	}

	@Test
	void keysAreTheParameterNames() {
		Sample s = fill("mono region=[roi manager (all)] background=120 max_iterations=50 folder=[/data/my dwi]");
		assertTrue(s.mono);
		assertFalse(s.free, "a checkbox missing from macro options is off, as in GenericDialog");
		assertEquals("ROI Manager (all)", s.region, "choices match ignoring case and give the declared item");
		assertEquals("120", s.background);
		assertEquals(200, s.segmentation_threshold, 0, "missing value: the declared default");
		assertEquals(50, s.max_iterations);
		assertEquals("/data/my dwi", s.folder);
		Module m = Commands.module(Sample.class, Collections.emptyMap());
		assertEquals(List.of("mono", "free", "region", "background", "folder", "segmentation_threshold", "max_iterations", "iterations",
			CommandDialog.ADVANCED), List.copyOf(new CommandDialog(m, "t", null).keys()));
	}

	@Test
	void aliasesKeepOldKeysWorking() {
		assertEquals(7, fill("iterations=7 folder=/x").max_iterations);
		assertEquals("whole image", fill("region=whole folder=/x").region, "a unique start of an item is that item");
	}

	@Test
	void unknownKeysAreRefusedWithTheNearestOne() {
		IvimInputException e = assertThrows(IvimInputException.class, () -> fill("mono segmentation_treshold=150 folder=/x"));
		assertTrue(e.getMessage().contains("unknown option 'segmentation_treshold': did you mean 'segmentation_threshold'?"), e.getMessage());
		e = assertThrows(IvimInputException.class, () -> fill("xyzzy folder=/x"));
		assertTrue(e.getMessage().startsWith("Dialog Test: unknown option 'xyzzy'."), e.getMessage());
		assertTrue(e.getMessage().contains("Its options are: mono, free, region"), e.getMessage());
		fill("mono stack folder=/x"); // ImageJ's own Recorder key is accepted
	}

	@Test
	void requiredPathsMustBeGiven() {
		IvimInputException e = assertThrows(IvimInputException.class, () -> fill("mono"));
		assertTrue(e.getMessage().contains("option folder= is missing"), e.getMessage());
	}

	@Test
	void badValuesAreNamed() {
		assertTrue(assertThrows(IvimInputException.class, () -> fill("region=everywhere folder=/x")).getMessage()
			.contains("\"everywhere\" is not a valid choice for region=: use one of automatic, ROI Manager (all), whole image"));
		assertTrue(assertThrows(IvimInputException.class, () -> fill("segmentation_threshold=abc folder=/x")).getMessage()
			.contains("\"abc\" is not a number (option segmentation_threshold=)"));
		assertTrue(assertThrows(IvimInputException.class, () -> fill("max_iterations=2.5 folder=/x")).getMessage()
			.contains("max_iterations=2.5: give a whole number"));
		assertTrue(assertThrows(IvimInputException.class, () -> fill("segmentation_threshold=-1 folder=/x")).getMessage()
			.contains("segmentation_threshold=-1 is out of range: give a value of at least 0"));
	}

	@Test
	void macroOptionsParseAsImageJDoes() {
		MacroOptions o = new MacroOptions("a b=1 c=[x y] d='q r' E=[[n]]");
		assertEquals(List.of("a", "b", "c", "d", "e"), o.keys());
		assertTrue(o.flag("a"));
		assertEquals("1", o.value("b"));
		assertEquals("x y", o.value("c"));
		assertEquals("q r", o.value("d"));
		assertEquals("[n]", o.value("e"));
		assertEquals(2, MacroOptions.editDistance("dstar_mx", "dstar_max") + 1);
		assertEquals(null, MacroOptions.nearest("zzz", List.of("mono", "free")));
	}
}

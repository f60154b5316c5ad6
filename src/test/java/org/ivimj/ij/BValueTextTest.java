package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BValueTextTest {

	@Test
	void listsInEveryCommonSeparator() {
		assertArrayEquals(new double[] {0, 50, 800}, BValueText.parseList("0, 50, 800"), 0);
		assertArrayEquals(new double[] {0, 50, 800}, BValueText.parseList("0 50\t800\n"), 0);
		assertArrayEquals(new double[] {0, 50.5}, BValueText.parseList("0;50.5 # comment"), 0);
	}

	@Test
	void labels() {
		assertEquals(800, BValueText.fromLabel("b=800"), 0);
		assertEquals(800, BValueText.fromLabel("b800"), 0);
		assertEquals(1000, BValueText.fromLabel("DWI B = 1000 s/mm2"), 0);
		assertEquals(50, BValueText.fromLabel("ep_b50t"), 0);
		assertEquals(0, BValueText.fromLabel("b-value: 0\nmore header lines b=7"), 0);
		assertTrue(Double.isNaN(BValueText.fromLabel("T2 slice 3")));
		assertTrue(Double.isNaN(BValueText.fromLabel(null)));
	}

	@Test
	void badListsSayWhatToType() {
		IvimInputException e = assertThrows(IvimInputException.class, () -> BValueText.parseList("0, a lot"));
		assertTrue(e.getMessage().contains("\"a\""));
		assertThrows(IvimInputException.class, () -> BValueText.parseList("  "));
		assertThrows(IvimInputException.class, () -> BValueText.parseList("0, NaN"));
		assertThrows(IvimInputException.class, () -> BValueText.parseList("0, Infinity"));
	}
}

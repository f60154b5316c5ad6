package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The macro words accepted for the repeats and order options. */
class RepeatHandlingTest {

	@Test
	void fullAndShortForms() {
		assertEquals(RepeatHandling.TRACE, RepeatHandling.parse("trace (geometric mean)"));
		assertEquals(RepeatHandling.TRACE, RepeatHandling.parse("Trace"));
		assertEquals(RepeatHandling.MEAN, RepeatHandling.parse("arithmetic mean"));
		assertEquals(RepeatHandling.MEAN, RepeatHandling.parse("mean"));
		assertEquals(RepeatHandling.SEPARATE, RepeatHandling.parse("kept apart"));
		assertEquals(RepeatHandling.SEPARATE, RepeatHandling.parse("kept"));
		assertEquals(RepeatHandling.SEPARATE, RepeatHandling.parse("separate"));
		assertThrows(IllegalArgumentException.class, () -> RepeatHandling.parse("median"));
		assertEquals(VolumeOrder.B_VALUE, VolumeOrder.parse("ascending b"));
		assertEquals(VolumeOrder.ACQUISITION, VolumeOrder.parse("acquisition"));
		assertThrows(IllegalArgumentException.class, () -> VolumeOrder.parse("random"));
	}
}

package org.ivimj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LesionsTest {

	private static Lesions.Section s(String name, int slice) {
		return new Lesions.Section(name, 1, slice, 1);
	}

	@Test
	void sameNameOnConsecutiveSlicesIsOneLesionAndAGapSplitsIt() {
		List<Lesions.Lesion> l = Lesions.group(Arrays.asList(s("tumour", 3), s("spot", 1), s("tumour", 2), s("spot", 3),
			s("tumour", 4), s("other", 2)));
		assertEquals(4, l.size());
		assertEquals("tumour", l.get(0).name);
		assertEquals(2, l.get(0).firstSlice);
		assertEquals(4, l.get(0).lastSlice);
		assertEquals(Arrays.asList(2, 0, 4), l.get(0).sections);
		assertEquals("spot (slice 1)", l.get(1).name);
		assertEquals("spot (slice 3)", l.get(2).name);
		assertEquals("other", l.get(3).name);
		assertEquals(1, l.get(3).sliceCount());
	}

	@Test
	void differentFramesAreDifferentLesions() {
		List<Lesions.Lesion> l = Lesions.group(Arrays.asList(new Lesions.Section("a", 1, 1, 1),
			new Lesions.Section("a", 1, 1, 2), new Lesions.Section("a", 1, 2, 2)));
		assertEquals(2, l.size());
		assertEquals("a (slice 1, frame 1)", l.get(0).name);
		assertEquals("a (slices 1-2, frame 2)", l.get(1).name);
	}
}

package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Noise SD from a Rayleigh background and from repeated images, against the σ that made them. */
class NoiseEstimateTest {

	@Test
	void backgroundGivesSigma() {
		Random rnd = new Random(1);
		float[] m = new float[20000];
		for (int i = 0; i < m.length; i++) m[i] = (float) Math.hypot(7 * rnd.nextGaussian(), 7 * rnd.nextGaussian());
		assertEquals(7, NoiseEstimate.fromBackground(m), 0.1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoiseEstimate.fromBackground(new float[3]));
		assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
	}

	@Test
	void repeatsGiveSigmaWhereTheSignalIsHigh() {
		Random rnd = new Random(2);
		int voxels = 5000, count = 3;
		float[] r = new float[voxels * count];
		for (int v = 0; v < voxels; v++) {
			double s = v < 4000 ? 500 : 5; // the last 1000 voxels are background, skipped by the threshold
			for (int k = 0; k < count; k++) r[v * count + k] = (float) Math.hypot(s + 10 * rnd.nextGaussian(), 10 * rnd.nextGaussian());
		}
		assertEquals(10, NoiseEstimate.fromRepeats(r, count, 100), 0.2);
		assertThrows(IllegalArgumentException.class, () -> NoiseEstimate.fromRepeats(r, 1, 100));
		assertThrows(IllegalArgumentException.class, () -> NoiseEstimate.fromRepeats(r, count, 1e6));
	}
}

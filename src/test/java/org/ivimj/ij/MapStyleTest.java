package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The display range's percentile is found by selection: the same value sorting would give. */
class MapStyleTest {

	@Test
	void selectionGivesTheSortedOrderStatistic() {
		Random rnd = new Random(3);
		for (int trial = 0; trial < 200; trial++) {
			int n = 1 + rnd.nextInt(300);
			float[] a = new float[n + 5];
			for (int i = 0; i < a.length; i++) a[i] = trial % 3 == 0 ? rnd.nextInt(7) : (float) rnd.nextGaussian();
			float[] sorted = Arrays.copyOf(a, n);
			Arrays.sort(sorted);
			int r = rnd.nextInt(n);
			assertEquals(sorted[r], MapStyle.select(a, n, r), 0, "n " + n + ", r " + r);
		}
	}

	@Test
	void robustMaximumIsThe99thPercentileOfFittedVoxels() {
		float[][] planes = new float[2][100];
		for (int i = 0; i < 100; i++) {
			planes[0][i] = i;
			planes[1][i] = i < 50 ? Float.NaN : 100 + i;
		}
		// 150 fitted values 0..99, 150..199: the 99th percentile is element floor(0.99 · 149) = 147 → 197.
		assertEquals(197, MapStyle.robustMax(planes, 1), 0);
		assertEquals(0.5, MapStyle.robustMax(new float[][] {{1, 2, Float.NaN}}, 0.5), 0, "fewer than 20 fitted voxels");
	}
}

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

	@Test
	void fitsPiledOnTheUpperBoundDoNotStretchTheRange() {
		// D* of a body: 900 voxels fitted between 0.01 and 0.05, 100 stopped on the bound 0.2.
		float[][] planes = new float[1][1000];
		for (int i = 0; i < 900; i++) planes[0][i] = 0.01f + 0.04f * i / 899;
		for (int i = 900; i < 1000; i++) planes[0][i] = 0.2f;
		double top = MapStyle.robustMax(planes, 0.1);
		assertEquals(0.0496, top, 0.0005, "the 99th percentile of the fitted values, not the bound");
		// A few voxels on the highest value (not a pile: 0.3 %) are ordinary data and count.
		for (int i = 0; i < 997; i++) planes[0][i] = 0.01f + 0.04f * i / 996;
		for (int i = 997; i < 1000; i++) planes[0][i] = 0.2f;
		assertEquals(0.0496, MapStyle.robustMax(planes, 0.1), 0.0005);
		float[][] spread = {new float[1000]};
		for (int i = 0; i < 1000; i++) spread[0][i] = i;
		assertEquals(989, MapStyle.robustMax(spread, 1), 0, "no pile: the plain 99th percentile");
	}

	@Test
	void theLowestColourValueInvertsTheDisplayMinimum() {
		float[][] planes = {new float[100]};
		for (int i = 0; i < 100; i++) planes[0][i] = 0.001f + 0.02f * i;
		for (String token : new String[] {"D", "Dstar", "f", "S0"}) {
			MapStyle style = MapStyle.of(token, false, planes);
			assertEquals(style.min, MapStyle.lowestColourValue(style.displayMin(), style.max), 1e-12 * style.max, token);
		}
	}
}

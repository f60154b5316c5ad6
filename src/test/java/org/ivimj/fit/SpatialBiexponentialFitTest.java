package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ivimj.testing.StripePhantom;
import org.junit.jupiter.api.Test;

/**
 * The spatially regularised fit on {@link StripePhantom} (three tissues in stripes, sharp boundaries,
 * the paper's b-values): at SNR 10, 20 and 30 a lower median error of f and D* than the free fit and
 * the shrinkage fit, and edges blurred by at most one voxel (the edge spread of {@link StripePhantom#edgeSpread},
 * a column counting as blurred when its median has moved more than 25 % of the step towards the other
 * tissue). The edge measure itself is tested: 0 for the truth and for free fits, 2 for the truth blurred by a 7-voxel box.
 */
class SpatialBiexponentialFitTest {

	private static final double BLURRED = 0.25;

	@Test
	void neighboursOfAGridWithAHole() {
		// 3 × 3 with the centre outside the region: voxels numbered row by row, skipping it.
		int[] at = {0, 1, 2, 3, -1, 4, 5, 6, 7};
		Neighbours n = Neighbours.ofGrid(at, 3, 3, 1);
		assertEquals(8, n.voxelCount());
		assertEquals(8, n.edgeCount(), "the ring of 8 voxels has 8 touching pairs");
		int[] of0 = Arrays.copyOfRange(n.list, n.first[0], n.first[1]);
		Arrays.sort(of0);
		assertArrayEquals(new int[] {1, 3}, of0);
		for (int[] colour : n.byColour)
			for (int v : colour)
				for (int j = n.first[v]; j < n.first[v + 1]; j++) {
					int touching = n.list[j];
					assertTrue(Arrays.stream(colour).noneMatch(u -> u == touching), "a voxel touches one of its colour");
				}
		// Two slices: 6-neighbours reach the slice above.
		Neighbours vol = Neighbours.ofGrid(new int[] {0, 1, 2, 3}, 2, 1, 2);
		assertEquals(4, vol.edgeCount());
		assertThrows(IllegalArgumentException.class, () -> Neighbours.ofGrid(new int[5], 2, 2, 1));
	}

	@Test
	void theEdgeMeasureSeesBlurAndNotNoise() {
		StripePhantom ph = new StripePhantom(96, 512, 30, 5);
		for (int k = 1; k <= 3; k++) {
			float[] truth = new float[ph.width * ph.height], blurred = new float[truth.length];
			for (int v = 0; v < truth.length; v++) truth[v] = (float) ph.truth(v, k);
			for (int v = 0; v < truth.length; v++) {
				int x = v % ph.width;
				double s = 0;
				int n = 0;
				for (int dx = -3; dx <= 3; dx++)
					if (x + dx >= 0 && x + dx < ph.width) {
						s += truth[v + dx];
						n++;
					}
				blurred[v] = (float) (s / n);
			}
			assertEquals(0, ph.edgeSpread(truth, BLURRED), "truth of parameter " + k);
			assertEquals(2, ph.edgeSpread(blurred, BLURRED), "7-voxel box blur of parameter " + k);
		}
		BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, StripePhantom.B, null, ph.signals);
		for (int k = 1; k <= 3; k++) assertEquals(0, ph.edgeSpread(free.parameters[k], BLURRED), "free fit, parameter " + k);
	}

	@Test
	void lowerErrorThanFreeAndShrinkageWithSharpEdges() {
		for (double snr : new double[] {10, 20, 30}) {
			StripePhantom ph = new StripePhantom(96, 512, snr, 11 + (long) snr);
			BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, StripePhantom.B, null, ph.signals);
			BatchResult shrink = Ivim.fitVoxels(FitMethod.BI_SHRINKAGE, StripePhantom.B, new FitOptions(), ph.signals, 2, null, null);
			BatchResult spatial = new SpatialBiexponentialFit(StripePhantom.B, null).fit(ph.signals, ph.neighbours());
			for (int k : new int[] {1, 3}) {
				double e = ph.medianRelativeError(spatial.parameters[k], k), ef = ph.medianRelativeError(free.parameters[k], k),
					es = ph.medianRelativeError(shrink.parameters[k], k);
				String what = String.format("SNR %.0f, %s: median relative error spatial %.4f, free %.4f, shrinkage %.4f", snr,
					FitMethod.BI_FREE.parameterNames()[k], e, ef, es);
				System.out.println(what);
				assertTrue(e < ef && e < es, what);
			}
			for (int k = 1; k <= 3; k++) {
				int spread = ph.edgeSpread(spatial.parameters[k], BLURRED);
				assertTrue(spread <= 1, "SNR " + snr + ": parameter " + k + " blurred over " + spread + " voxels");
			}
			int ok = spatial.count(FitStatus.OK) + spatial.count(FitStatus.AT_BOUND);
			assertEquals(spatial.voxelCount, ok, "every voxel fitted");
			assertTrue(Float.isFinite(spatial.standardErrors[3][0]) && spatial.rSquared[0] > 0.5);
		}
	}

	@Test
	void weightZeroIsTheFreeFitAndTheWeightIsSettable() {
		StripePhantom ph = new StripePhantom(30, 20, 30, 9);
		BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, StripePhantom.B, null, ph.signals);
		BatchResult none = new SpatialBiexponentialFit(StripePhantom.B, new FitOptions().spatialWeight(0)).fit(ph.signals,
			ph.neighbours());
		int same = 0;
		for (int v = 0; v < free.voxelCount; v++)
			if (Math.abs(free.parameters[2][v] - none.parameters[2][v]) <= 1e-4 * free.parameters[2][v]) same++;
		assertTrue(same >= 0.95 * free.voxelCount, same + " of " + free.voxelCount + " voxels equal the free fit's D");
		double weak = spread(new SpatialBiexponentialFit(StripePhantom.B, new FitOptions().spatialWeight(1))
			.fit(ph.signals, ph.neighbours()), ph), strong = spread(new SpatialBiexponentialFit(StripePhantom.B,
				new FitOptions().spatialWeight(32)).fit(ph.signals, ph.neighbours()), ph);
		assertTrue(strong < weak, "a stronger prior smooths more: SD of f in the middle tissue " + strong + " vs " + weak);
		assertThrows(IllegalArgumentException.class, () -> new FitOptions().spatialWeight(-1).validate());
		assertThrows(IllegalArgumentException.class, () -> Ivim.fitVoxels(FitMethod.BI_SPATIAL, StripePhantom.B, null,
			ph.signals));
	}

	/** SD of f over the middle tissue's columns away from the boundaries. */
	private static double spread(BatchResult r, StripePhantom ph) {
		double s = 0, s2 = 0;
		int n = 0;
		for (int v = 0; v < r.voxelCount; v++)
			if (ph.tissue(v % ph.width) == 1 && ph.distanceToBoundary(v % ph.width) >= 3) {
				s += r.parameters[1][v];
				s2 += (double) r.parameters[1][v] * r.parameters[1][v];
				n++;
			}
		return Math.sqrt((s2 - s * s / n) / (n - 1));
	}
}

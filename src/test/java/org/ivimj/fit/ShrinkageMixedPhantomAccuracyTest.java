package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 — shrinkage that never costs accuracy — on a seeded mixed phantom (the layout of the
 * mixed-phantom benchmark: five bi-exponential tissues, two mono-exponential, one stretched and
 * background, each at SNR 20, 50 and 100, fitted as one whole-image region with one prior component).
 * Accuracy of f, D and D* is read against the Cramér–Rao floor in two ways: RMSE / CRB SD per tissue
 * (median over the five bi-exponential tissues), and the median |error| / (0.6745 CRB SD) pooled over
 * them (1 for an efficient unbiased estimator). The shrinkage fit must be below the floor for f and D*
 * at SNR 20, and nowhere (any SNR, any parameter, either measure) more than 2 % worse than the free fit.
 */
class ShrinkageMixedPhantomAccuracyTest {

	private static final String[] NAMES = {"f", "D", "D*"};
	private static double[][] freeRmse, shrinkRmse, freeMedian, shrinkMedian;
	private static double[][][] freeCells, shrinkCells;

	@BeforeAll
	static void fit() {
		MixedPhantomVoxels ph = MixedPhantomVoxels.of(128, 128, 2, 20261203L);
		int threads = Runtime.getRuntime().availableProcessors();
		BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, MixedPhantomVoxels.B, null, ph.signals, threads, null, null);
		ShrinkageResult shrink = new ShrinkageBiexponentialFit(MixedPhantomVoxels.B, new FitOptions().priorComponents(1))
			.fit(ph.signals, threads, null, null);
		freeCells = ph.rmseOverCrb(free.parameters);
		shrinkCells = ph.rmseOverCrb(shrink.parameters);
		freeRmse = MixedPhantomVoxels.medianOverTissues(freeCells);
		shrinkRmse = MixedPhantomVoxels.medianOverTissues(shrinkCells);
		freeMedian = pooled(ph.medianErrorOverCrb(free.parameters));
		shrinkMedian = pooled(ph.medianErrorOverCrb(shrink.parameters));
		for (int s = 0; s < 3; s++)
			for (int p = 0; p < 3; p++)
				System.out.printf(Locale.ROOT, "SNR %.0f %s: RMSE/CRB free %.3f shrinkage %.3f; median error/floor free %.3f "
					+ "shrinkage %.3f%n", MixedPhantomVoxels.SNR[s], NAMES[p], freeRmse[s][p], shrinkRmse[s][p],
					freeMedian[s][p], shrinkMedian[s][p]);
	}

	private static double[][] pooled(double[][][] m) {
		double[][] out = new double[m.length][3];
		for (int s = 0; s < m.length; s++)
			for (int p = 0; p < 3; p++) out[s][p] = m[s][p][MixedPhantomVoxels.BI_TISSUES];
		return out;
	}

	@Test
	void belowTheCramerRaoFloorForFAndDStarAtSnr20() {
		for (int p : new int[] {0, 2}) {
			assertTrue(shrinkRmse[0][p] < 1, NAMES[p] + " RMSE/CRB at SNR 20: " + shrinkRmse[0][p]);
			assertTrue(shrinkMedian[0][p] < 1, NAMES[p] + " median error/floor at SNR 20: " + shrinkMedian[0][p]);
		}
	}

	@Test
	void nowhereMoreThanTwoPercentWorseThanTheFreeFit() {
		for (int s = 0; s < 3; s++)
			for (int p = 0; p < 3; p++) {
				String at = "SNR " + MixedPhantomVoxels.SNR[s] + " " + NAMES[p];
				assertTrue(shrinkRmse[s][p] <= 1.02 * freeRmse[s][p], at + " RMSE/CRB: shrinkage " + shrinkRmse[s][p]
					+ ", free " + freeRmse[s][p]);
				assertTrue(shrinkMedian[s][p] <= 1.02 * freeMedian[s][p], at + " median error/floor: shrinkage "
					+ shrinkMedian[s][p] + ", free " + freeMedian[s][p]);
			}
	}

	@Test
	void noTissueLosesMoreThanItsSamplingNoise() {
		// One tissue at one SNR is ~1,200 voxels, so its RMSE is known to about ±3 %: 5 % is the margin.
		for (int s = 0; s < 3; s++)
			for (int p = 0; p < 3; p++)
				for (int t = 0; t < MixedPhantomVoxels.BI_TISSUES; t++)
					assertTrue(shrinkCells[s][p][t] <= 1.05 * freeCells[s][p][t], "tissue " + t + ", SNR "
						+ MixedPhantomVoxels.SNR[s] + ", " + NAMES[p] + ": RMSE/CRB shrinkage " + shrinkCells[s][p][t] + ", free "
						+ freeCells[s][p][t]);
	}
}

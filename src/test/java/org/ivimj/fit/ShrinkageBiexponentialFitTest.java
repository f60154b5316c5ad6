package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ivimj.model.BiExponentialModel;
import org.junit.jupiter.api.Test;

/**
 * The shrinkage fit lowers the error of f and D* against the free fit on a noisy region, its
 * posterior SDs are calibrated (about 95% of true values within ±1.96 SD at SNR 50), it learns the
 * population it was given, and it refuses regions too small to learn a prior from.
 */
class ShrinkageBiexponentialFitTest {

	static final double[] B = NoiseFreeRecoveryTest.PAPER_B;

	/** Voxels whose true parameters are drawn from a log-normal / logit-normal population. */
	static final class Region {
		final float[] signals;
		final double[][] truth; // [voxel][S0, f, D, D*]

		Region(int voxels, double snr, long seed) {
			Random rnd = new Random(seed);
			signals = new float[voxels * B.length];
			truth = new double[voxels][];
			for (int v = 0; v < voxels; v++) {
				double f = 1 / (1 + Math.exp(-(Math.log(0.25 / 0.75) + 0.3 * rnd.nextGaussian())));
				double d = Math.exp(Math.log(0.8e-3) + 0.15 * rnd.nextGaussian());
				double ds = Math.exp(Math.log(0.03) + 0.3 * rnd.nextGaussian());
				double[] p = {1000, f, d, ds};
				truth[v] = p;
				double sigma = 1000 / snr;
				for (int i = 0; i < B.length; i++) {
					double re = BiExponentialModel.INSTANCE.value(B[i], p) + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
					signals[v * B.length + i] = (float) Math.sqrt(re * re + im * im);
				}
			}
		}

		double rmse(float[][] estimates, int k) {
			double s = 0;
			int n = 0;
			for (int v = 0; v < truth.length; v++) {
				double e = estimates[k][v];
				if (Double.isNaN(e)) continue;
				s += (e - truth[v][k]) * (e - truth[v][k]);
				n++;
			}
			return Math.sqrt(s / n);
		}
	}

	@Test
	void shrinkageLowersTheErrorOfFAndDStarAgainstTheFreeFit() {
		Region region = new Region(2000, 20, 17);
		ShrinkageResult shrink = new ShrinkageBiexponentialFit(B, null).fit(region.signals);
		BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, B, null, region.signals);
		for (int k : new int[] {1, 3}) {
			double s = region.rmse(shrink.parameters, k), f = region.rmse(free.parameters, k);
			assertTrue(s < 0.7 * f, ShrinkageResult.NAMES[k] + ": shrinkage RMSE " + s + ", free " + f);
		}
		assertTrue(region.rmse(shrink.parameters, 2) < region.rmse(free.parameters, 2), "D");
	}

	@Test
	void posteriorSdsAreCalibratedAtSnr50() {
		Region region = new Region(3000, 50, 23);
		assertCalibrated(region, new ShrinkageBiexponentialFit(B, null).fit(region.signals));
	}

	/** About 95 % of true values within ±1.96 posterior SDs, for f, D and D*, with ≥ 99 % of voxels fitted. */
	private static void assertCalibrated(Region region, ShrinkageResult shrink) {
		for (int k = 1; k <= 3; k++) {
			int inside = 0, n = 0;
			for (int v = 0; v < region.truth.length; v++) {
				double e = shrink.parameters[k][v], sd = shrink.posteriorSd[k][v];
				if (Double.isNaN(e) || Double.isNaN(sd)) continue;
				n++;
				if (Math.abs(e - region.truth[v][k]) <= 1.96 * sd) inside++;
			}
			double coverage = (double) inside / n;
			assertTrue(n > 0.99 * region.truth.length, "fitted " + n);
			assertEquals(0.95, coverage, 0.04, ShrinkageResult.NAMES[k] + " coverage " + coverage);
		}
	}

	@Test
	void learnsThePopulationAndTheNoise() {
		Region region = new Region(3000, 50, 29);
		ShrinkageResult shrink = new ShrinkageBiexponentialFit(B, null).fit(region.signals);
		double[] median = shrink.priorMedian();
		assertEquals(0.25, median[0], 0.02);
		assertEquals(0.8e-3, median[1], 0.05e-3);
		assertEquals(0.03, median[2], 0.004);
		assertEquals(20, shrink.sigma, 2, "noise SD from the residuals");
		assertEquals(0.15, Math.sqrt(shrink.priorCovariance[10]), 0.05, "spread of ln D");
		ShrinkageResult known = new ShrinkageBiexponentialFit(B, null).noiseSigma(20).fit(region.signals);
		assertEquals(20, known.sigma, 0);
	}

	@Test
	void tooSmallARegionIsRefusedWithAClearMessage() {
		Region region = new Region(5, 50, 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new ShrinkageBiexponentialFit(B, null).fit(region.signals));
		assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new ShrinkageBiexponentialFit(B, null).noiseSigma(-1));
	}

	@Test
	void unfittableVoxelsAreNaNAndCancellationStops() {
		Region region = new Region(500, 50, 2);
		region.signals[7 * B.length + 3] = Float.NaN;
		ShrinkageResult r = new ShrinkageBiexponentialFit(B, null).fit(region.signals);
		assertEquals(FitStatus.INVALID_INPUT.code(), r.status[7]);
		assertTrue(Float.isNaN(r.parameters[1][7]));
		ShrinkageResult cancelled = new ShrinkageBiexponentialFit(B, null).fit(region.signals, 2, null, () -> true);
		assertTrue(cancelled.cancelled);
	}

	@Test
	void heavyTailedPriorIsCalibratedAndLearnsItsDegreesOfFreedom() {
		Region region = new Region(3000, 50, 23);
		ShrinkageResult shrink = new ShrinkageBiexponentialFit(B, null).heavyTailedPrior(true).fit(region.signals);
		double nu = shrink.priorDegreesOfFreedom[0];
		// The population is Gaussian: EM moves ν up from its heavy-tailed start.
		assertTrue(Double.isFinite(nu) && nu > GaussianMixturePrior.START_NU, "ν " + nu);
		assertCalibrated(region, shrink);
		assertTrue(Double.isInfinite(new ShrinkageBiexponentialFit(B, null).fit(region.signals).priorDegreesOfFreedom[0]),
			"Gaussian by default");
	}

	@Test
	void aPriorLearntFromASampleOfTheRegionMatchesTheWholeRegion() {
		Region region = new Region(6000, 30, 31);
		ShrinkageResult all = new ShrinkageBiexponentialFit(B, null).fit(region.signals);
		ShrinkageResult sampled = new ShrinkageBiexponentialFit(B, null).priorSample(1500).fit(region.signals);
		double[] a = all.priorMedian(), s = sampled.priorMedian();
		for (int k = 0; k < 3; k++) assertEquals(a[k], s[k], 0.03 * a[k], "prior median " + ShrinkageResult.NAMES[k + 1]);
		for (int j = 1; j < 4; j++)
			assertEquals(Math.sqrt(all.priorCovariance[5 * j]), Math.sqrt(sampled.priorCovariance[5 * j]),
				0.1 * Math.sqrt(all.priorCovariance[5 * j]), "prior SD " + j);
		// Every voxel still gets its own posterior: the estimates move by a small part of their posterior SD.
		for (int k = 1; k <= 3; k++) {
			double[] z = new double[region.truth.length];
			for (int v = 0; v < z.length; v++)
				z[v] = Math.abs(all.parameters[k][v] - sampled.parameters[k][v]) / all.posteriorSd[k][v];
			java.util.Arrays.sort(z);
			assertTrue(z[z.length / 2] < 0.1, ShrinkageResult.NAMES[k] + ": median shift " + z[z.length / 2] + " posterior SDs");
		}
		assertThrows(IllegalArgumentException.class, () -> new ShrinkageBiexponentialFit(B, null).priorSample(3));
	}

	@Test
	void eachVoxelIsWeighedWithItsOwnNoiseWhenTheRegionMixesSnrs() {
		// Half the voxels at SNR 20, half at SNR 100: one pooled σ would be wrong for both halves.
		Region low = new Region(1500, 20, 41), high = new Region(1500, 100, 43);
		float[] signals = new float[low.signals.length + high.signals.length];
		System.arraycopy(low.signals, 0, signals, 0, low.signals.length);
		System.arraycopy(high.signals, 0, signals, low.signals.length, high.signals.length);
		ShrinkageResult r = new ShrinkageBiexponentialFit(B, null).fit(signals);
		assertTrue(Double.isFinite(r.noiseDof), "heterogeneous noise is detected: d0 " + r.noiseDof);
		double[] lo = new double[1500], hi = new double[1500];
		for (int v = 0; v < 1500; v++) {
			lo[v] = r.noiseSd[v];
			hi[v] = r.noiseSd[1500 + v];
		}
		java.util.Arrays.sort(lo);
		java.util.Arrays.sort(hi);
		assertEquals(50, lo[750], 10, "median noise SD of the SNR 20 half");
		assertEquals(10, hi[750], 3, "median noise SD of the SNR 100 half");
		ShrinkageResult homogeneous = new ShrinkageBiexponentialFit(B, null).fit(high.signals);
		assertTrue(homogeneous.noiseDof > 30, "homogeneous noise pools: d0 " + homogeneous.noiseDof);
		ShrinkageResult known = new ShrinkageBiexponentialFit(B, null).noiseSigma(10).fit(high.signals);
		assertEquals(10, known.noiseSd[0], 0);
	}

	@Test
	void aTwoComponentPriorFindsTwoTissuesGaussianOrHeavyTailed() {
		// Two tissues, 2,000 voxels each, at SNR 40: the mixture should put one component on each.
		double[][] tissues = {{1000, 0.15, 1.0e-3, 0.03}, {1000, 0.40, 0.7e-3, 0.08}};
		int n = 2000;
		float[] signals = new float[2 * n * B.length];
		Random rnd = new Random(53);
		for (int v = 0; v < 2 * n; v++)
			for (int i = 0; i < B.length; i++) {
				double re = BiExponentialModel.INSTANCE.value(B[i], tissues[v / n]) + 25 * rnd.nextGaussian();
				double im = 25 * rnd.nextGaussian();
				signals[v * B.length + i] = (float) Math.sqrt(re * re + im * im);
			}
		for (boolean heavy : new boolean[] {false, true}) {
			ShrinkageResult r = new ShrinkageBiexponentialFit(B, null).priorComponents(2).heavyTailedPrior(heavy).fit(signals);
			assertEquals(2, r.components);
			for (double[] t : tissues) {
				int best = 0;
				for (int c = 1; c < 2; c++)
					if (Math.abs(r.priorMeans[c][1] - TransformedBounds.logit(t[1])) < Math.abs(r.priorMeans[best][1]
						- TransformedBounds.logit(t[1]))) best = c;
				String what = (heavy ? "t" : "Gaussian") + " component for f = " + t[1];
				assertEquals(0.5, r.priorWeights[best], 0.1, what + ": weight");
				assertEquals(TransformedBounds.logit(t[1]), r.priorMeans[best][1], 0.2, what + ": logit f");
				assertEquals(Math.log(t[3]), r.priorMeans[best][3], 0.25, what + ": ln D*");
				assertEquals(heavy, Double.isFinite(r.priorDegreesOfFreedom[best]), what + ": ν");
			}
			// Each voxel is shrunk towards its own tissue: f within a few points of the truth.
			double err = 0;
			for (int v = 0; v < 2 * n; v++) err += Math.abs(r.parameters[1][v] - tissues[v / n][1]);
			assertTrue(err / (2 * n) < 0.03, "mean |f error| " + err / (2 * n));
		}
	}
}

package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.ivimj.model.BiExponentialModel;
import org.ivimj.model.MonoExponentialModel;
import org.ivimj.model.SignalModel;
import org.ivimj.model.StretchedExponentialModel;
import org.ivimj.testing.RicianNoise;
import org.junit.jupiter.api.Test;

/** Each criterion picks the model that generated the data, at a realistic SNR, in most voxels. */
class ModelSelectionTest {

	static final double[] B = {0, 10, 20, 50, 100, 150, 200, 300, 400, 600, 800, 1000, 1200, 1500, 2000};

	@Test
	void picksTheGeneratingModel() {
		Object[][] cases = {
			{MonoExponentialModel.INSTANCE, new double[] {1000, 1.1e-3}, ModelSelection.MONO},
			{BiExponentialModel.INSTANCE, new double[] {1000, 0.3, 0.8e-3, 0.04}, ModelSelection.BIEXPONENTIAL},
			{StretchedExponentialModel.INSTANCE, new double[] {1000, 1.2e-3, 0.6}, ModelSelection.STRETCHED}};
		for (ModelSelection.Criterion c : ModelSelection.Criterion.values()) {
			for (Object[] k : cases) {
				float[] s = noisy((SignalModel) k[0], (double[]) k[1], 200, 400, 8);
				byte[] labels = ModelSelection.selectVoxels(B, null, c, s, 2, null, null);
				int right = 0;
				for (byte l : labels)
					if (l == (int) k[2]) right++;
				assertTrue(right >= 0.8 * labels.length, c + " picked " + ModelSelection.LABELS[(int) k[2]] + " in only "
					+ right + " of " + labels.length + " voxels");
			}
		}
	}

	@Test
	void scoresFollowTheFormulas() {
		ModelSelection aicc = new ModelSelection(B, null, ModelSelection.Criterion.AICC);
		int n = 15, k = 5;
		assertEquals(n * Math.log(2.0 / n) + 2 * k + 2.0 * k * (k + 1) / (n - k - 1), aicc.score(2, n, k), 1e-12);
		ModelSelection bic = new ModelSelection(B, null, ModelSelection.Criterion.BIC);
		assertEquals(n * Math.log(2.0 / n) + k * Math.log(n), bic.score(2, n, k), 1e-12);
		assertTrue(Double.isNaN(aicc.score(2, 6, 5)), "AICc is undefined without residual degrees of freedom");
	}

	@Test
	void anUnfittableVoxelGetsNoLabel() {
		double[] s = new double[B.length];
		s[3] = Double.NaN;
		ModelSelection selection = new ModelSelection(B, null, ModelSelection.Criterion.AICC);
		assertEquals(ModelSelection.NONE, selection.select(s));
		for (double score : selection.scores()) assertTrue(Double.isNaN(score));
	}

	static float[] noisy(SignalModel model, double[] p, double snr, int voxels, long seed) {
		return RicianNoise.signals(model, p, B, p[0] / snr, voxels, seed);
	}
}

package org.ivimj.testing;

import java.util.Random;

import org.ivimj.model.SignalModel;

/** Magnitude signals with Rician noise for tests: voxel-major, as {@code BatchFit} takes them. */
public final class RicianNoise {

	private RicianNoise() {}

	/**
	 * {@code voxels} noisy copies of the model's signal at parameters p: |S + N(0, σ) + i N(0, σ)|,
	 * the real then the imaginary draw per sample, voxel by voxel, from one seeded generator.
	 */
	public static float[] signals(SignalModel model, double[] p, double[] b, double sigma, int voxels, long seed) {
		Random rnd = new Random(seed);
		float[] out = new float[voxels * b.length];
		for (int v = 0; v < voxels; v++)
			for (int i = 0; i < b.length; i++) {
				double re = model.value(b[i], p) + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
				out[v * b.length + i] = (float) Math.sqrt(re * re + im * im);
			}
		return out;
	}
}

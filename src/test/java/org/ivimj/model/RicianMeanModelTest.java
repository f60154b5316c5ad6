package org.ivimj.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Rician expectation and its derivative against Monte Carlo, limits and finite differences. */
class RicianMeanModelTest {

	@Test
	void expectationMatchesMonteCarloAndLimits() {
		Random rnd = new Random(3);
		double sigma = 1;
		for (double nu : new double[] {0, 0.5, 1, 2, 4, 10}) {
			double sum = 0;
			int n = 400_000;
			for (int i = 0; i < n; i++) {
				double re = nu + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
				sum += Math.sqrt(re * re + im * im);
			}
			assertEquals(sum / n, RicianMeanModel.expectedMagnitude(nu, sigma), 0.005, "nu = " + nu);
		}
		// Rayleigh mean at ν = 0, and √(ν² + σ²) to first order at high SNR.
		assertEquals(Math.sqrt(Math.PI / 2), RicianMeanModel.expectedMagnitude(0, 1), 1e-6);
		assertEquals(Math.sqrt(1e4 + 1), RicianMeanModel.expectedMagnitude(100, 1), 1e-4);
		assertEquals(2e3, RicianMeanModel.expectedMagnitude(2e3, 1e-3), 1e-3, "no overflow at huge SNR");
	}

	@Test
	void jacobianIsTheChainRuleThroughTheExpectation() {
		double[] b = {0, 200, 500, 1000, 1500, 2000, 3000};
		double sigma = 20;
		RicianMeanModel model = new RicianMeanModel(MonoExponentialModel.INSTANCE.sampledAt(b), sigma);
		double[] p = {500, 1.4e-3};
		double[] v = new double[b.length], j = new double[2 * b.length], plain = new double[b.length];
		model.valuesAndJacobian(p, v, j);
		model.values(p, plain);
		for (int i = 0; i < b.length; i++) {
			assertEquals(RicianMeanModel.expectedMagnitude(MonoExponentialModel.INSTANCE.value(b[i], p), sigma), v[i], 1e-9);
			assertEquals(v[i], plain[i], 1e-9);
			for (int k = 0; k < 2; k++) {
				double h = 1e-6 * p[k];
				double[] up = p.clone(), dn = p.clone();
				up[k] += h;
				dn[k] -= h;
				double fd = (RicianMeanModel.expectedMagnitude(MonoExponentialModel.INSTANCE.value(b[i], up), sigma)
					- RicianMeanModel.expectedMagnitude(MonoExponentialModel.INSTANCE.value(b[i], dn), sigma)) / (2 * h);
				assertEquals(fd, j[i * 2 + k], 1e-5 * Math.abs(fd) + 1e-9, "b=" + b[i] + " k=" + k);
			}
		}
	}

	@Test
	void refusesANonPositiveSigma() {
		assertThrows(IllegalArgumentException.class, () -> new RicianMeanModel(MonoExponentialModel.INSTANCE.sampledAt(new double[] {0}), 0));
	}
}

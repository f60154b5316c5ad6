package org.ivimj.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Analytic gradients, curvature terms and b-bound evaluation of every model against finite differences. */
class SignalModelsTest {

	private static final double[] B = {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500};

	@Test
	void valuesFollowTheReferenceEquations() {
		double[] bi = {1000, 0.25, 0.85e-3, 0.034};
		assertEquals(1000 * (0.75 * Math.exp(-800 * 0.85e-3) + 0.25 * Math.exp(-800 * 0.034)),
			BiExponentialModel.INSTANCE.value(800, bi), 1e-9);
		double[] st = {1000, 1.2e-3, 0.75};
		assertEquals(1000 * Math.exp(-Math.pow(800 * 1.2e-3, 0.75)), StretchedExponentialModel.INSTANCE.value(800, st), 1e-9);
		assertEquals(1000, StretchedExponentialModel.INSTANCE.value(0, st), 0);
		assertEquals(500 * Math.exp(-1000 * 1e-3), MonoExponentialModel.INSTANCE.value(1000, new double[] {500, 1e-3}), 1e-9);
	}

	@Test
	void gradientsMatchFiniteDifferences() {
		Random rnd = new Random(7);
		for (int trial = 0; trial < 50; trial++) {
			check(MonoExponentialModel.INSTANCE, new double[] {500 + 1000 * rnd.nextDouble(), 2e-3 * rnd.nextDouble()});
			check(BiExponentialModel.INSTANCE, new double[] {500 + 1000 * rnd.nextDouble(), rnd.nextDouble(),
				3e-3 * rnd.nextDouble() + 1e-4, 0.005 + 0.1 * rnd.nextDouble()});
			check(StretchedExponentialModel.INSTANCE, new double[] {500 + 1000 * rnd.nextDouble(),
				1e-4 + 3e-3 * rnd.nextDouble(), 0.3 + 0.7 * rnd.nextDouble()});
		}
	}

	private static void check(SignalModel model, double[] p) {
		int n = model.parameterCount();
		double[] g = new double[n];
		SampledSignalModel sampled = model.sampledAt(B);
		double[] values = new double[B.length], jac = new double[B.length * n];
		sampled.valuesAndJacobian(p, values, jac);
		double[] plain = new double[B.length];
		sampled.values(p, plain);
		for (int i = 0; i < B.length; i++) {
			double v = model.valueAndGradient(B[i], p, g);
			assertEquals(model.value(B[i], p), v, 1e-12 * Math.abs(v));
			assertEquals(v, values[i], 1e-12 * Math.abs(v));
			assertEquals(v, plain[i], 1e-12 * Math.abs(v));
			for (int k = 0; k < n; k++) {
				double fd = centralDifference(model, B[i], p, k);
				double tol = 1e-6 * (Math.abs(fd) + Math.abs(v) / Math.abs(p[k] == 0 ? 1 : p[k]) * 1e-3) + 1e-9;
				assertEquals(fd, g[k], tol, model.getClass().getSimpleName() + " d/dp" + k + " at b=" + B[i]);
				assertEquals(g[k], jac[i * n + k], 1e-12 * (Math.abs(g[k]) + 1e-300));
			}
		}
	}

	@Test
	void curvatureTermsMatchFiniteDifferencesOfTheJacobian() {
		Random rnd = new Random(11);
		for (SignalModel model : new SignalModel[] {MonoExponentialModel.INSTANCE, BiExponentialModel.INSTANCE,
			StretchedExponentialModel.INSTANCE}) {
			SampledSignalModel s = model.sampledAt(B);
			int n = model.parameterCount();
			for (int trial = 0; trial < 20; trial++) {
				double[] p = n == 2 ? new double[] {800 + 400 * rnd.nextDouble(), 2e-3 * rnd.nextDouble()}
					: n == 3 ? new double[] {800 + 400 * rnd.nextDouble(), 5e-4 + 2e-3 * rnd.nextDouble(), 0.4 + 0.6 * rnd.nextDouble()}
					: new double[] {800 + 400 * rnd.nextDouble(), 0.1 + 0.5 * rnd.nextDouble(), 5e-4 + 1e-3 * rnd.nextDouble(),
						0.01 + 0.05 * rnd.nextDouble()};
				double[] y = new double[B.length];
				for (int i = 0; i < B.length; i++) y[i] = model.value(B[i], p) + 30 * rnd.nextGaussian();
				double[] v = new double[B.length], jac = new double[B.length * n], curv = new double[n * n];
				s.valuesJacobianCurvature(p, y, v, jac, curv);
				for (int k = 0; k < n; k++) {
					for (int l = 0; l < n; l++) {
						double expected = 0;
						double h = 1e-5 * Math.max(Math.abs(p[l]), 1e-6);
						double[] up = p.clone(), dn = p.clone();
						up[l] += h;
						dn[l] -= h;
						double[] gu = new double[n], gd = new double[n];
						for (int i = 0; i < B.length; i++) {
							double r = y[i] - v[i];
							model.valueAndGradient(B[i], up, gu);
							model.valueAndGradient(B[i], dn, gd);
							expected += r * (gu[k] - gd[k]) / (2 * h);
						}
						assertEquals(expected, curv[k * n + l], 1e-5 * (Math.abs(expected) + 1e-3) + 1e-7,
							model.getClass().getSimpleName() + " curvature " + k + "," + l);
					}
				}
			}
		}
	}

	private static double centralDifference(SignalModel model, double b, double[] p, int k) {
		double h = 1e-6 * Math.max(Math.abs(p[k]), 1e-6);
		double[] up = p.clone(), dn = p.clone();
		up[k] += h;
		dn[k] -= h;
		return (model.value(b, up) - model.value(b, dn)) / (2 * h);
	}
}

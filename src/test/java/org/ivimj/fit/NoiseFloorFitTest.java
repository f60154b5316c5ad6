package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.ivimj.model.BiExponentialModel;
import org.ivimj.model.MonoExponentialModel;
import org.ivimj.model.SignalModel;
import org.ivimj.model.StretchedExponentialModel;
import org.ivimj.testing.RicianNoise;
import org.junit.jupiter.api.Test;

/**
 * Magnitude data at low SNR sit on a noise floor that pulls plain least-squares ADC and D down; the
 * noise-floor-aware option (Rician expectation) removes that bias when σ is known.
 */
class NoiseFloorFitTest {

	static final double[] B = {0, 100, 200, 400, 600, 800, 1000, 1500, 2000, 2500};
	static final int VOXELS = 2000;

	@Test
	void ricianOptionRemovesTheLowSnrBiasOfTheMonoAdc() {
		double adc = 1.5e-3, sigma = 1000 / 10.0; // SNR 10 at b = 0; the b = 2500 signal is 0.2 σ
		float[] s = rician(MonoExponentialModel.INSTANCE, new double[] {1000, adc}, sigma, 4);
		double plain = mean(Ivim.fitVoxels(FitMethod.MONO_NONLINEAR, B, null, s).parameters[1]);
		double aware = mean(Ivim.fitVoxels(FitMethod.MONO_NONLINEAR, B, new FitOptions().noiseSigma(sigma), s).parameters[1]);
		assertTrue(plain < 0.92 * adc, "plain least squares is biased low by the noise floor: " + plain);
		assertEquals(adc, aware, 0.03 * adc, "noise-floor-aware fit");
	}

	@Test
	void ricianOptionWorksForBiexponentialAndStretchedFits() {
		double sigma = 1000 / 15.0;
		double[] bi = {1000, 0.2, 1.2e-3, 0.03};
		float[] s = rician(BiExponentialModel.INSTANCE, bi, sigma, 5);
		double plainD = median(Ivim.fitVoxels(FitMethod.BI_FREE, B, null, s).parameters[2]);
		double awareD = median(Ivim.fitVoxels(FitMethod.BI_FREE, B, new FitOptions().noiseSigma(sigma), s).parameters[2]);
		assertTrue(Math.abs(awareD - 1.2e-3) < Math.abs(plainD - 1.2e-3), "D: plain " + plainD + ", aware " + awareD);
		assertEquals(1.2e-3, awareD, 0.1 * 1.2e-3, "D: plain " + plainD + ", aware " + awareD);
		BatchResult seg = Ivim.fitVoxels(FitMethod.BI_SEGMENTED, B, new FitOptions().noiseSigma(sigma), s);
		assertTrue(seg.count(FitStatus.OK) + seg.count(FitStatus.AT_BOUND) > 0.95 * VOXELS);
		double[] st = {1000, 1.3e-3, 0.8};
		float[] t = rician(StretchedExponentialModel.INSTANCE, st, sigma, 6);
		double plainDdc = median(Ivim.fitVoxels(FitMethod.STRETCHED, B, null, t).parameters[1]);
		double awareDdc = median(Ivim.fitVoxels(FitMethod.STRETCHED, B, new FitOptions().noiseSigma(sigma), t).parameters[1]);
		assertTrue(Math.abs(awareDdc - 1.3e-3) < Math.abs(plainDdc - 1.3e-3), "DDC: plain " + plainDdc + ", aware " + awareDdc);
	}

	@Test
	void aNonPositiveSigmaIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Ivim.fitter(FitMethod.BI_FREE, B, new FitOptions().noiseSigma(-1)));
		assertTrue(e.getMessage().contains("noise SD"), e.getMessage());
	}

	static float[] rician(SignalModel model, double[] p, double sigma, long seed) {
		return RicianNoise.signals(model, p, B, sigma, VOXELS, seed);
	}

	static double mean(float[] x) {
		double s = 0;
		int n = 0;
		for (float v : x)
			if (Float.isFinite(v)) {
				s += v;
				n++;
			}
		return s / n;
	}

	static double median(float[] x) {
		double[] v = new double[x.length];
		int n = 0;
		for (float f : x)
			if (Float.isFinite(f)) v[n++] = f;
		java.util.Arrays.sort(v, 0, n);
		return v[n / 2];
	}
}

package org.ivimj.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class IvimPhantomTest {

	@Test
	void noiseFreePhantomIsTheModelOfEachTissue() {
		IvimPhantom p = IvimPhantom.paperProtocol(3, 0, 1);
		IvimPhantom.Lesion tb = p.lesions.get(0);
		int centre = (int) tb.cy * p.width + (int) tb.cx;
		assertSame(PhantomTissue.TUBERCULOUS_SPONDYLITIS, p.tissue[centre]);
		double[] expected = PhantomTissue.TUBERCULOUS_SPONDYLITIS.signal(IvimPhantom.PAPER_B_VALUES);
		for (int bi = 0; bi < expected.length; bi++) assertEquals(expected[bi], p.images[bi][2][centre], 1e-3);
		assertNull(p.tissue[0], "corner is outside the body");
		assertEquals(0, p.images[0][0][0], 0);
	}

	@Test
	void tableOneValuesAndPaperProtocol() {
		assertEquals(0.45, PhantomTissue.TUBERCULOUS_SPONDYLITIS.f, 0);
		assertEquals(21.96e-3, PhantomTissue.TUBERCULOUS_SPONDYLITIS.dStar, 0);
		assertEquals(0.85e-3, PhantomTissue.SPINAL_METASTASIS.d, 0);
		assertEquals(10, IvimPhantom.PAPER_B_VALUES.length);
		IvimPhantom p = IvimPhantom.paperProtocol(5, 50, 1);
		assertEquals(3, p.lesions.get(1).roiSlice, "metastasis ROI on the middle slice");
		assertEquals(0, p.lesions.get(0).roiSlice, "spondylitis ROI on every slice");
	}

	@Test
	void ricianNoiseIsDeterministicPerSeedAndPositive() {
		IvimPhantom a = IvimPhantom.paperProtocol(1, 20, 7), b = IvimPhantom.paperProtocol(1, 20, 7);
		assertArrayEquals(a.images[3][0], b.images[3][0]);
		double mean = 0;
		for (float v : a.images[0][0]) {
			if (v < 0) throw new AssertionError("magnitude data cannot be negative");
		}
		// Background is pure Rician (Rayleigh) noise: mean σ·sqrt(π/2) with σ = 1000/20.
		int n = 0;
		for (int i = 0; i < a.tissue.length; i++)
			if (a.tissue[i] == null) {
				mean += a.images[0][0][i];
				n++;
			}
		assertEquals(50 * Math.sqrt(Math.PI / 2), mean / n, 2.5);
	}
}

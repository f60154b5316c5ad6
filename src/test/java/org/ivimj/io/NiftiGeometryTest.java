package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NiftiGeometryTest {

	@Test
	void quaternionOfAnAxialAffineAndTextRoundTrip() {
		// dcm2niix's usual axial LAS affine: x flipped, rows flipped already folded in.
		NiftiGeometry g = NiftiGeometry.fromAffine(new double[][] { { -0.9, 0, 0, 100 }, { 0, 0.8, 0, -110 },
			{ 0, 0, 4, -50 } }, 1);
		assertEquals(-1, g.qfac);
		assertEquals(0, g.quaternB, 1e-12);
		assertEquals(1, g.quaternC, 1e-12);
		assertEquals(0, g.quaternD, 1e-12);
		assertEquals(100, g.qoffsetX);
		NiftiGeometry back = NiftiGeometry.parse(g.toText() + " dim=1,2,3");
		assertEquals(g.toText(), back.toText());
	}

	@Test
	void identityAndHandEditedText() {
		NiftiGeometry g = NiftiGeometry.fromAffine(new double[][] { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } }, 2);
		assertEquals(1, g.qfac);
		assertEquals(0, g.quaternB + g.quaternC + g.quaternD, 1e-12);
		assertEquals(2, g.sformCode);
		assertNull(NiftiGeometry.parse("qform_code=1 sform_code=x"));
		assertNull(NiftiGeometry.parse(null));
	}
}

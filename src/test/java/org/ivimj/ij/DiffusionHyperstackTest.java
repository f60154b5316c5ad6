package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;

import org.ivimj.testing.DiffusionSeries;
import org.junit.jupiter.api.Test;

class DiffusionHyperstackTest {

	@Test
	void planesWrapThePixelArraysWithoutCopying() {
		for (int bits : new int[] {8, 16, 32}) {
			ImagePlus imp = DiffusionSeries.create(6, 4, 3, bits);
			DiffusionHyperstack h = DiffusionHyperstack.of(imp);
			ArrayImg<?, ?> plane = h.plane(5, 2);
			Object storage = ((ArrayDataAccess<?>) plane.update(null)).getCurrentStorageArray();
			// b index 5 is frame 6; position 2 is slice 3.
			assertSame(imp.getStack().getPixels(imp.getStackIndex(1, 3, 6)), storage, bits + "-bit");
		}
	}

	@Test
	void positionsAreTheNonBDimensions() {
		ImagePlus imp = DiffusionSeries.create(6, 4, 3, 32);
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		assertEquals(3, h.positionCount());
		assertEquals(3, h.mapSlices());
		assertEquals(1, h.mapFrames());
		assertEquals(imp.getStackIndex(1, 2, 4), h.stackIndex(3, 1));
		assertEquals(0, h.lowestBIndex());
	}

	@Test
	void gatherPutsVoxelsInPositionThenPixelOrder() {
		ImagePlus imp = DiffusionSeries.create(6, 4, 2, 16);
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		FitRegion region = FitRegion.whole(h);
		float[] s = h.gather(region.masks(), region.voxelCount());
		int nb = h.bCount();
		// voxel (x=5, y=1) on slice 2 is voxel 24 + 1*6 + 5 = 35
		for (int bi = 0; bi < nb; bi++)
			assertEquals(imp.getStack().getProcessor(imp.getStackIndex(1, 2, bi + 1)).getf(5, 1), s[35 * nb + bi], 0);
	}
}

package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
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

	@Test
	void seriesIsAViewOfThePixelsInXYZBT() {
		for (int bits : new int[] {8, 16, 32}) {
			ImagePlus imp = DiffusionSeries.create(6, 4, 3, bits);
			DiffusionHyperstack h = DiffusionHyperstack.of(imp);
			RandomAccessibleInterval<? extends RealType<?>> s = h.series();
			assertArrayEquals(new long[] {6, 4, 3, h.bCount(), 1}, s.dimensionsAsLongArray(), bits + "-bit");
			// (x=5, y=1, slice 3, b index 4)
			assertEquals(imp.getStack().getProcessor(imp.getStackIndex(1, 3, 5)).getf(5, 1), s.getAt(5, 1, 2, 4, 0).getRealDouble(),
				0, bits + "-bit");
			imp.getStack().getProcessor(imp.getStackIndex(1, 3, 5)).setf(5, 1, 7);
			assertEquals(7, s.getAt(5, 1, 2, 4, 0).getRealDouble(), 0, "a view, not a copy: " + bits + "-bit");
		}
	}

	@Test
	void seriesAppliesALinearCalibration() {
		ImagePlus imp = DiffusionSeries.create(6, 4, 2, 16);
		imp.getCalibration().setFunction(ij.measure.Calibration.STRAIGHT_LINE, new double[] {-10, 0.5}, "a.u.");
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		double raw = imp.getStack().getProcessor(imp.getStackIndex(1, 2, 3)).get(4, 2);
		assertEquals((float) (-10 + 0.5 * raw), h.series().getAt(4, 2, 1, 2, 0).getRealDouble(), 0);
	}

	@Test
	void masksBecomeOneLabelViewAndMapsPlanesPerPosition() {
		ImagePlus imp = DiffusionSeries.create(6, 4, 3, 32);
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		@SuppressWarnings("unchecked")
		ArrayImg<UnsignedByteType, ?>[] masks = new ArrayImg[3];
		masks[1] = ArrayImgs.unsignedBytes(6, 4);
		masks[1].getAt(2, 3).set(1);
		RandomAccessibleInterval<UnsignedByteType> labels = h.labels(masks);
		assertArrayEquals(new long[] {6, 4, 3, 1}, labels.dimensionsAsLongArray());
		assertEquals(1, labels.getAt(2, 3, 1, 0).get());
		assertEquals(0, labels.getAt(2, 3, 0, 0).get(), "no mask on slice 1");
		RandomAccessibleInterval<UnsignedByteType> one = h.mask(masks[1], 1);
		assertEquals(1, one.min(2));
		assertEquals(1, one.getAt(2, 3, 1, 0).get());
		// A map view (x, y, z, t) back to one plane per position.
		float[][] planes = h.planes(Converters.convert((RandomAccessibleInterval<UnsignedByteType>) labels,
			(i, o) -> o.set(i.get() + 0.5f), new FloatType()));
		assertEquals(3, planes.length);
		assertEquals(1.5f, planes[1][3 * 6 + 2], 0);
		assertEquals(0.5f, planes[2][3 * 6 + 2], 0);
	}
}

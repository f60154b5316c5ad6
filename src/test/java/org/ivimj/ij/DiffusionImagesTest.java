package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import java.util.List;

import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.NiftiGeometry;
import org.junit.jupiter.api.Test;

class DiffusionImagesTest {

	private static DiffusionSeries series() {
		float[][][] planes = new float[3][2][];
		for (int t = 0; t < 3; t++)
			for (int z = 0; z < 2; z++) planes[t][z] = new float[] { 10 * t + z, 0, 0, 0, 0, 0 };
		NiftiGeometry g = NiftiGeometry.fromAffine(new double[][] { { -2, 0, 0, 1 }, { 0, 2, 0, 2 }, { 0, 0, 3, 3 } }, 1);
		return new DiffusionSeries(3, 2, 2, planes, new double[] { 0, 50, 800 }, 2, 2, 3, "mm", g, List.of("note"));
	}

	@Test
	void buildsTheIvimHyperstack() {
		ImagePlus imp = DiffusionImages.toImagePlus(series(), "dwi");
		assertArrayEquals(new int[] { 3, 2, 1, 2, 3 }, imp.getDimensions());
		assertEquals(21, ((float[]) imp.getStack().getPixels(imp.getStackIndex(1, 2, 3)))[0]);
		assertEquals("b=50 z=2", imp.getStack().getSliceLabel(imp.getStackIndex(1, 2, 2)));
		assertArrayEquals(new double[] { 0, 50, 800 }, BValueMetadata.bValues(imp));
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
		assertEquals(3, imp.getCalibration().pixelDepth);
		assertEquals("note", imp.getProp(DiffusionImages.NOTES_KEY));
		assertNotNull(DiffusionImages.geometryFor(imp, 3, 2, 2));
		assertNull(DiffusionImages.geometryFor(imp, 3, 2, 1));
		assertEquals(series().geometry.toText(), DiffusionImages.geometry(imp).toText());
	}

	@Test
	void volumesAreFramesTimesChannelsWithCalibratedValues() {
		ImageStack stack = new ImageStack(1, 1);
		for (int i = 0; i < 8; i++) stack.addSlice(new ShortProcessor(1, 1, new short[] { (short) i }, null));
		ImagePlus imp = new ImagePlus("h", stack);
		imp.setDimensions(2, 2, 2);
		Calibration cal = imp.getCalibration();
		cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -100, 2 }, "value");
		float[][][] v = DiffusionImages.volumes(imp);
		assertEquals(4, v.length);
		assertEquals(2, v[0].length);
		// stack order c, z, t: index = c + 2 z + 4 t; volume = t * 2 + c
		assertEquals(-100 + 2 * (1 + 2 * 1 + 4 * 1), v[3][1][0], 1e-6);
		assertEquals(-100 + 2 * 4, v[2][0][0], 1e-6);
	}
}

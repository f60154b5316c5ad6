package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;

import java.util.Arrays;
import java.util.List;

import org.ivimj.testing.DiffusionSeries;
import org.junit.jupiter.api.Test;

class FitRegionTest {

	/** 2 channels = b, 3 slices, 2 frames (time points): positions are 3 slices × 2 frames. */
	private static DiffusionHyperstack bOnChannels() {
		ImageStack stack = new ImageStack(8, 8);
		for (int i = 0; i < 12; i++) stack.addSlice("", new float[64]);
		ImagePlus imp = new ImagePlus("c", stack);
		imp.setDimensions(2, 3, 2);
		BValueMetadata.set(imp, new double[] {0, 800}, BDimension.CHANNELS);
		return DiffusionHyperstack.of(imp);
	}

	@Test
	void roiPositionsSelectSlicesAndFramesButIgnoreTheBCoordinate() {
		DiffusionHyperstack h = bOnChannels();
		assertEquals(6, h.positionCount());
		Roi everywhere = new Roi(0, 0, 2, 2);
		assertEquals(6, FitRegion.positionsOf(h, everywhere, "a").size());
		Roi slice2 = new Roi(0, 0, 2, 2);
		slice2.setPosition(2, 2, 0); // drawn on b-channel 2 of slice 2, any frame
		assertEquals(List.of(h.position(1, 2, 1), h.position(1, 2, 2)), FitRegion.positionsOf(h, slice2, "b"));
		Roi stackIndex = new Roi(0, 0, 2, 2);
		stackIndex.setPosition(h.image().getStackIndex(2, 3, 2)); // a plain stack position
		assertEquals(List.of(h.position(1, 3, 2)), FitRegion.positionsOf(h, stackIndex, "c"));
		Roi tooFar = new Roi(0, 0, 2, 2);
		tooFar.setPosition(0, 7, 0);
		assertTrue(assertThrows(IvimInputException.class, () -> FitRegion.positionsOf(h, tooFar, "far"))
			.getMessage().contains("slice 7"));
	}

	@Test
	void overlappingRoisAreFittedOnceButCountedPerRoi() {
		DiffusionHyperstack h = DiffusionHyperstack.of(DiffusionSeries.create(10, 10, 1, 32));
		FitRegion r = FitRegion.ofRois(h, Arrays.asList(new Roi(0, 0, 4, 4), new Roi(2, 2, 4, 4)),
			Arrays.asList("a", "b"), "test");
		assertEquals(16 + 16 - 4, r.voxelCount());
		assertEquals(16, r.parts().get(1).voxels);
	}

	@Test
	void theUsersRoiIsNotChanged() {
		DiffusionHyperstack h = DiffusionHyperstack.of(DiffusionSeries.create(10, 10, 1, 32));
		Roi roi = new Roi(-2, -2, 5, 5);
		roi.setName("keep");
		FitRegion.ofRois(h, List.of(roi), List.of("keep"), "t");
		assertEquals(-2, roi.getBounds().x);
		assertEquals(5, roi.getBounds().width);
		assertEquals("keep", roi.getName());
	}

	@Test
	void automaticThresholdSeparatesTissueFromBackground() {
		ImagePlus imp = DiffusionSeries.create(20, 20, 1, 32);
		for (int i = 1; i <= imp.getStackSize(); i++)
			for (int y = 0; y < 10; y++)
				for (int x = 0; x < 20; x++) imp.getStack().getProcessor(i).setf(x, y, (x + y) % 3);
		FitRegion r = FitRegion.ofThreshold(DiffusionHyperstack.of(imp), Double.NaN);
		assertEquals(200, r.voxelCount());
		assertTrue(r.description().contains("automatic"));
		assertThrows(IvimInputException.class, () -> FitRegion.ofThreshold(DiffusionHyperstack.of(imp), 1e9));
	}
}

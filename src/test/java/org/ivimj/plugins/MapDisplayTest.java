package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import java.awt.image.BufferedImage;

import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maps a person can read: outside the region and failed voxels (NaN) render black in every parameter's
 * LUT (not the LUT's first colour, which meant "low D*"), fitted voxels in colour, and the range follows
 * the fitted values (99th percentile) rather than a fixed guess.
 */
class MapDisplayTest {

	@BeforeEach
	void setUp() {
		StatisticsCommandTesting.reset();
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void noValueIsBlackInEveryMapAndFittedVoxelsAreInColour() {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono free stretched region=[ROI Manager (all)]");
		int checked = 0;
		for (ImagePlus map : IjSession.images()) {
			String t = map.getTitle();
			if (t.equals("IVIM_phantom")) continue;
			ImageProcessor ip = map.getProcessor();
			BufferedImage shown = ip.getBufferedImage();
			int outside = shown.getRGB(0, 0) & 0xffffff; // a corner: outside every ROI, NaN
			assertTrue(Float.isNaN(ip.getf(0, 0)), t);
			assertEquals(0, outside, t + ": a pixel without value shows as #" + Integer.toHexString(outside));
			// The metastasis lesion's centre: fitted, so in colour (not black).
			int x = 0, y = 0;
			search:
			for (y = 0; y < map.getHeight(); y++)
				for (x = 0; x < map.getWidth(); x++)
					if (Float.isFinite(ip.getf(x, y)) && ip.getf(x, y) > map.getDisplayRangeMin() + 0.3
						* (map.getDisplayRangeMax() - map.getDisplayRangeMin())) break search;
			assertTrue(y < map.getHeight(), t + ": no fitted voxel");
			assertTrue((shown.getRGB(x, y) & 0xffffff) != 0, t + ": a fitted voxel shows black");
			assertTrue(map.getDisplayRangeMin() < 0, t + ": range starts just below 0");
			checked++;
		}
		assertEquals(9, checked, "mono S0, ADC; free S0, f, D, D*; stretched S0, DDC, alpha");
	}
}

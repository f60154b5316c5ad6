package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.ivimj.fit.FitMethod;
import org.ivimj.testing.DiffusionSeries;
import org.junit.jupiter.api.Test;

class FitMapsJobTest {

	private static FitMapsSettings wholeImage() {
		FitMapsSettings s = new FitMapsSettings();
		s.methods = EnumSet.of(FitMethod.MONO_LOG_LINEAR, FitMethod.BI_SEGMENTED);
		s.region = RegionChoice.WHOLE_IMAGE;
		s.threads = 2;
		return s;
	}

	@Test
	void cancellingStopsCleanlyWithoutMaps() {
		ImagePlus imp = DiffusionSeries.create(40, 40, 2, 32);
		float[] before = ((float[]) imp.getStack().getPixels(1)).clone();
		AtomicInteger polls = new AtomicInteger();
		IvimInputException e = assertThrows(IvimInputException.class,
			() -> FitMapsJob.run(imp, wholeImage(), null, () -> polls.incrementAndGet() > 2));
		assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
		assertTrue(java.util.Arrays.equals(before, (float[]) imp.getStack().getPixels(1)));
	}

	@Test
	void progressReachesOneOverAllMethods() {
		ImagePlus imp = DiffusionSeries.create(40, 40, 1, 32);
		double[] last = {0};
		FitMapsResult r = FitMapsJob.run(imp, wholeImage(), f -> last[0] = Math.max(last[0], f), null);
		assertEquals(1.0, last[0], 1e-12);
		assertNotNull(r.map("biseg_f"));
		assertEquals(1600, r.region.voxelCount());
		assertEquals(null, r.table, "no ROIs, no table");
		assertEquals(1600, r.fits.get(FitMethod.BI_SEGMENTED).voxelCount);
	}
}

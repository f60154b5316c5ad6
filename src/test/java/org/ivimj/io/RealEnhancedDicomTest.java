package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivimj.testing.BrainMask;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The importer on the real Siemens Prisma XA30 enhanced series (21 files x 39 frames), its ADC and TRACEW
 * series, checked against dcm2niix's conversion (b-values, voxels, geometry) and against the scanner's
 * own trace.
 */
class RealEnhancedDicomTest {

	@Test
	void keptApartInAcquisitionOrderReproducesDcm2niixBval() throws Exception {
		DiffusionSeries s = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedDwi(), RepeatHandling.SEPARATE,
			VolumeOrder.ACQUISITION);
		assertArrayEquals(BvalFile.read(SharedData.siemensEnhancedReference("10_DWI_dir80_PA.bval")), s.bValues);
		assertEquals(21, s.frames());
		assertEquals(39, s.depth);
		assertEquals(72, s.width);
		assertEquals(72, s.height);
		assertEquals(3.0, s.pixelWidth, 1e-9);
		assertEquals(3.0, s.pixelHeight, 1e-9);
		assertEquals(3.0, s.pixelDepth, 1e-6);
		assertTrue(s.notes.get(0).startsWith("819 images: 39 slice(s) x 21 frame(s); b-values from (0018,9087) standard"),
			s.notes.toString());
		assertTrue(s.notes.contains("diffusion gradient directions (0018,9089): 20 at b = 2500"), s.notes.toString());
	}

	@Test
	void scannerAdcOpensAsTheMapDcm2niixWroteInMm2PerSWithItsGeometry() throws Exception {
		DiffusionSeries adc = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedAdc(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		assertEquals("ADC", adc.mapParameter);
		assertNull(adc.bValues);
		NiftiImage ref = NiftiReader.read(SharedData.siemensEnhancedReference("11_DWI_dir80_PA.nii"));
		assertEquals(ref.depth, adc.depth);
		for (int z = 0; z < adc.depth; z++)
			for (int i = 0; i < 72 * 72; i++)
				assertEquals(ref.volumes[0][z][i] * 1e-6, adc.planes[0][z][i], 1e-9, "slice " + z + " pixel " + i);
		assertSameGeometry(ref.header.geometry, adc.geometry);
		// The diffusion series sits in the same place.
		DiffusionSeries dwi = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedDwi(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		assertSameGeometry(ref.header.geometry, dwi.geometry);
	}

	@Test
	void scannerTracewOpensAsItsTraceImageAtB2500() throws Exception {
		DiffusionSeries tw = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedTracew(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 2500 }, tw.bValues);
		NiftiImage ref = NiftiReader.read(SharedData.siemensEnhancedReference("12_DWI_dir80_PA.nii"));
		for (int z = 0; z < tw.depth; z++) assertArrayEquals(ref.volumes[0][z], tw.planes[0][z], "slice " + z);
		assertTrue(String.join("\n", tw.notes).contains("used the scanner's trace-weighted images at b = 2500"),
			tw.notes.toString());
	}

	/**
	 * The trace with zeros counted as 1 reproduces the scanner's TRACEW (to its integer rounding) in
	 * nearly every voxel of the brain, also where a direction is 0; with zeros kept, those voxels' trace
	 * would be 0.
	 */
	@Test
	void traceWithZerosCountedAsOneIsTheScannersTracew() throws Exception {
		DiffusionSeries trace = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedDwi(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		DiffusionSeries apart = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedDwi(), RepeatHandling.SEPARATE,
			VolumeOrder.B_VALUE);
		DiffusionSeries tw = DicomDiffusionSeries.readFolder(SharedData.siemensEnhancedTracew(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 2500 }, trace.bValues);
		boolean[][] brain = BrainMask.of(trace.planes[0]);
		int n = 0, agree = 0, withZero = 0, withZeroAgree = 0;
		for (int z = 0; z < trace.depth; z++)
			for (int i = 0; i < 72 * 72; i++) {
				if (!brain[z][i]) continue;
				n++;
				boolean ok = Math.abs(Math.rint(trace.planes[1][z][i]) - tw.planes[0][z][i]) <= 1;
				if (ok) agree++;
				boolean zero = false;
				for (int t = 1; t <= 20; t++) zero |= apart.planes[t][z][i] == 0;
				if (zero) {
					withZero++;
					if (ok) withZeroAgree++;
				}
			}
		assertTrue(agree >= 0.999 * n, agree + " of " + n);
		// About 2% of brain voxels have a zero in some direction; the rule matters there.
		assertTrue(withZero > 0.01 * n && withZero < 0.05 * n, withZero + " of " + n);
		assertTrue(withZeroAgree >= 0.99 * withZero, withZeroAgree + " of " + withZero);
		String notes = String.join("\n", trace.notes);
		// The import log counts them, in the same mask (the lowest-b image above 10% of its 99th percentile).
		assertTrue(notes.contains("trace: " + withZero + " of " + n + " voxel(s) with signal"), notes);
		assertTrue(notes.contains("the scanner's rule"), notes);
	}

	static void assertSameGeometry(NiftiGeometry r, NiftiGeometry g) {
		assertEquals(r.qformCode, g.qformCode);
		assertEquals(r.sformCode, g.sformCode);
		assertEquals(r.qfac, g.qfac);
		assertEquals(r.quaternB, g.quaternB, 1e-5);
		assertEquals(r.quaternC, g.quaternC, 1e-5);
		assertEquals(r.quaternD, g.quaternD, 1e-5);
		assertEquals(r.qoffsetX, g.qoffsetX, 1e-3);
		assertEquals(r.qoffsetY, g.qoffsetY, 1e-3);
		assertEquals(r.qoffsetZ, g.qoffsetZ, 1e-3);
		for (int row = 0; row < 3; row++)
			for (int c = 0; c < 4; c++) assertEquals(r.srow[row][c], g.srow[row][c], 1e-3, "srow " + row + "," + c);
	}
}

package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The DICOM importer on the real GE and Philips series, checked against dcm2niix's conversion. */
class RealDicomSeriesTest {

	@Test
	void geKeptApartInAcquisitionOrderReproducesDcm2niixBvalAndVolumes() throws Exception {
		DiffusionSeries s = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.SEPARATE,
			VolumeOrder.ACQUISITION);
		assertArrayEquals(BvalFile.read(SharedData.geReferenceBval()), s.bValues);
		NiftiImage ref = NiftiReader.read(SharedData.geNifti());
		assertEquals(ref.volumeCount(), s.frames());
		assertEquals(ref.depth, s.depth);
		assertEquals(ref.width, s.width);
		assertEquals(ref.height, s.height);
		for (int t = 0; t < s.frames(); t++)
			for (int z = 0; z < s.depth; z++)
				assertArrayEquals(ref.volumes[t][z], s.planes[t][z], "volume " + t + " slice " + z);
	}

	@Test
	void geGeometryAndCalibrationMatchDcm2niix() throws Exception {
		DiffusionSeries s = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		NiftiImage ref = NiftiReader.read(SharedData.geNifti());
		double[] vox = ref.voxelSize();
		assertEquals(vox[0], s.pixelWidth, 1e-5);
		assertEquals(vox[1], s.pixelHeight, 1e-5);
		assertEquals(vox[2], s.pixelDepth, 1e-4);
		String json = json("ge_signa_dwi/reference/Ax_DWI_TENSOR_R2_1.json");
		assertEquals(number(json, "SpacingBetweenSlices"), s.pixelDepth, 1e-4);
		assertOrientation(json, s.geometry);
		NiftiGeometry g = s.geometry, r = ref.header.geometry;
		assertEquals(r.qformCode, g.qformCode);
		assertEquals(r.sformCode, g.sformCode);
		assertEquals(r.qfac, g.qfac);
		assertEquals(r.quaternB, g.quaternB, 1e-5);
		assertEquals(r.quaternC, g.quaternC, 1e-5);
		assertEquals(r.quaternD, g.quaternD, 1e-5);
		for (int row = 0; row < 3; row++)
			for (int c = 0; c < 4; c++) assertEquals(r.srow[row][c], g.srow[row][c], 1e-3, "srow " + row + "," + c);
	}

	@Test
	void geTraceIsTheGeometricMeanOfTheSixDirections() throws Exception {
		DiffusionSeries trace = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		DiffusionSeries mean = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.MEAN, VolumeOrder.B_VALUE);
		DiffusionSeries apart = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.SEPARATE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 1000 }, trace.bValues);
		assertArrayEquals(new double[] { 0, 1000 }, mean.bValues);
		for (int z = 0; z < 2; z++) {
			assertArrayEquals(apart.planes[0][z], trace.planes[0][z]);
			for (int i = 0; i < 256 * 256; i += 97) {
				double log = 0, sum = 0;
				for (int t = 1; t <= 6; t++) {
					log += Math.log(Math.max(1, apart.planes[t][z][i])); // a zero counts as 1, as on the scanner
					sum += apart.planes[t][z][i];
				}
				assertEquals(Math.exp(log / 6), trace.planes[1][z][i], 1e-3 * Math.max(1, trace.planes[1][z][i]));
				assertEquals(sum / 6, mean.planes[1][z][i], 1e-3);
			}
		}
	}

	@Test
	void philipsKeptApartInAcquisitionOrderReproducesDcm2niixBval() throws Exception {
		DiffusionSeries s = DicomDiffusionSeries.readFolder(SharedData.philipsDicom(), RepeatHandling.SEPARATE,
			VolumeOrder.ACQUISITION);
		double[] ref = BvalFile.read(SharedData.philipsReferenceBval());
		assertArrayEquals(ref, s.bValues);
		assertEquals(2, s.depth);
		assertEquals(112, s.width);
		assertEquals(112, s.height);
		String json = json("philips_dwi/reference/701_DTI_Biobank_2mm_MB3S2_EPI_cl.json");
		assertEquals(number(json, "SpacingBetweenSlices"), s.pixelDepth, 1e-4);
		assertEquals(2.0, s.pixelWidth, 1e-9);
		assertOrientation(json, s.geometry);
	}

	@Test
	void philipsAscendingOrderIsTheStableSortOfTheReference() throws Exception {
		double[] ref = BvalFile.read(SharedData.philipsReferenceBval());
		DiffusionSeries apart = DicomDiffusionSeries.readFolder(SharedData.philipsDicom(), RepeatHandling.SEPARATE,
			VolumeOrder.B_VALUE);
		DiffusionSeries acq = DicomDiffusionSeries.readFolder(SharedData.philipsDicom(), RepeatHandling.SEPARATE,
			VolumeOrder.ACQUISITION);
		Integer[] idx = new Integer[ref.length];
		for (int i = 0; i < idx.length; i++) idx[i] = i;
		Arrays.sort(idx, (a, b) -> Double.compare(ref[a], ref[b])); // stable: repeats keep acquisition order
		for (int t = 0; t < idx.length; t++) {
			assertEquals(ref[idx[t]], apart.bValues[t]);
			for (int z = 0; z < 2; z++) assertArrayEquals(acq.planes[idx[t]][z], apart.planes[t][z]);
		}
		DiffusionSeries trace = DicomDiffusionSeries.readFolder(SharedData.philipsDicom(), RepeatHandling.TRACE,
			VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 0.001, 0.002, 0.003, 0.004, 1000 }, trace.bValues);
		assertTrue(trace.notes.get(0).contains("34 images"), trace.notes.toString());
	}

	@Test
	void philipsPixelsHaveTheRescaleSlopeApplied() throws Exception {
		Path f = SharedData.philipsDicom().resolve("In_cl_DICOM_IM_0239.dcm");
		DicomFile d = DicomFile.read(f);
		assertEquals(1.51477411477411, d.attributes().number(DicomTags.RESCALE_SLOPE), 1e-12);
		float[] p = d.pixels();
		assertEquals(112 * 112, p.length);
		for (float v : p) {
			double raw = v / 1.51477411477411;
			assertEquals(Math.rint(raw), raw, 1e-3);
		}
	}

	private static void assertOrientation(String json, NiftiGeometry g) {
		assertNotNull(g);
		Matcher m = Pattern.compile("\"ImageOrientationPatientDICOM\":\\s*\\[([^\\]]*)\\]").matcher(json);
		assertTrue(m.find());
		double[] iop = Arrays.stream(m.group(1).split(",")).mapToDouble(x -> Double.parseDouble(x.trim())).toArray();
		// sform column i = row direction, column j = minus column direction, both LPS -> RAS.
		double[] ci = column(g, 0), cj = column(g, 1);
		double[] sign = { -1, -1, 1 };
		for (int k = 0; k < 3; k++) {
			assertEquals(iop[k], sign[k] * ci[k], 1e-4);
			assertEquals(iop[3 + k], -sign[k] * cj[k], 1e-4);
		}
	}

	private static double[] column(NiftiGeometry g, int c) {
		double[] v = { g.srow[0][c], g.srow[1][c], g.srow[2][c] };
		double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
		for (int i = 0; i < 3; i++) v[i] /= len;
		return v;
	}

	private static String json(String relative) throws Exception {
		return new String(Files.readAllBytes(SharedData.dicom(relative)), StandardCharsets.UTF_8);
	}

	private static double number(String json, String key) {
		Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE+]+)").matcher(json);
		assertTrue(m.find(), key);
		return Double.parseDouble(m.group(1));
	}
}

package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.testing.SyntheticDicom;
import org.ivimj.testing.SyntheticDicom.BTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DICOM importer on small synthetic series: every vendor tag, combinations, and every bad input. */
class DicomDiffusionSeriesTest {

	private static final String UID = "1.2.3.4.100";

	/** 3 slices (written in a shuffled order) x b = 0 (1 image), 50 and 800 (3 directions each). */
	private static void writeSeries(Path dir, String vendor, BTag tag) throws Exception {
		double[] positions = { 8, -4, 2 };
		int instance = 1;
		for (double b : new double[] { 0, 50, 800 })
			for (int dirn = 0; dirn < (b == 0 ? 1 : 3); dirn++)
				for (double pos : positions) {
					int value = (int) (1000 - b / 2) + 10 * dirn + (int) pos;
					SyntheticDicom.diffusion(vendor, tag, b, pos, instance, UID, 4, 5, value)
						.write(dir.resolve(String.format("img%03d.dcm", 100 - instance)));
					instance++;
				}
	}

	@Test
	void siemensTagGivesSortedSlicesAndTraceFrames(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 50, 800 }, s.bValues);
		assertEquals(3, s.depth);
		assertEquals(5, s.width);
		assertEquals(4, s.height);
		assertEquals(0.9, s.pixelWidth, 1e-12);
		assertEquals(0.8, s.pixelHeight, 1e-12);
		assertEquals(6, s.pixelDepth, 1e-9); // positions -4, 2, 8
		// slice 0 = position -4; b = 800: directions 0, 10, 20 above 600 - 4.
		double expected = Math.exp((Math.log(596) + Math.log(606) + Math.log(616)) / 3);
		assertEquals(expected, s.planes[2][0][0], 1e-3);
		assertEquals(1000 + 8 + 7, s.planes[0][2][7], 1e-6);
		assertTrue(s.notes.get(0).contains("(0019,100C) Siemens"), s.notes.toString());
	}

	@Test
	void standardTagMeanAndKeptApart(@TempDir Path dir) throws Exception {
		writeSeries(dir, "Canon", BTag.STANDARD);
		DiffusionSeries mean = DicomDiffusionSeries.readFolder(dir, RepeatHandling.MEAN, VolumeOrder.B_VALUE);
		assertEquals(606, mean.planes[2][0][0], 1e-4);
		DiffusionSeries apart = DicomDiffusionSeries.readFolder(dir, RepeatHandling.SEPARATE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 50, 50, 50, 800, 800, 800 }, apart.bValues);
		assertEquals(596, apart.planes[4][0][0], 1e-6);
		assertEquals(616, apart.planes[6][0][0], 1e-6);
	}

	@Test
	void geTagWithAndWithoutTheBillionOffsetAndPhilipsTag(@TempDir Path dir) throws Exception {
		for (BTag tag : new BTag[] { BTag.GE, BTag.GE_OFFSET }) {
			Path d = Files.createDirectory(dir.resolve(tag.name()));
			writeSeries(d, "GE MEDICAL SYSTEMS", tag);
			assertArrayEquals(new double[] { 0, 50, 800 },
				DicomDiffusionSeries.readFolder(d, RepeatHandling.TRACE, VolumeOrder.B_VALUE).bValues, tag.name());
		}
		Path d = Files.createDirectory(dir.resolve("philips"));
		writeSeries(d, "Philips Medical Systems", BTag.PHILIPS);
		assertArrayEquals(new double[] { 0, 50, 800 },
			DicomDiffusionSeries.readFolder(d, RepeatHandling.TRACE, VolumeOrder.B_VALUE).bValues);
	}

	@Test
	void implicitVrFilesAreReadToo(@TempDir Path dir) throws Exception {
		for (int z = 0; z < 2; z++)
			for (int b = 0; b < 2; b++)
				SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, b * 500, z * 5, 1 + z + 2 * b, UID, 3, 3, 100 * (b + 1))
					.implicitVr(true).write(dir.resolve("f" + z + b));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 500 }, s.bValues);
		assertEquals(200, s.planes[1][1][0], 0);
	}

	@Test
	void derivedImagesAreLeftOutAndReported(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 800, -4, 200, UID, 4, 5, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC\\ND").write(dir.resolve("adc.dcm"));
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 800, 2, 201, UID, 4, 5, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\DIFFUSION\\TRACEW\\ND").write(dir.resolve("trace.dcm"));
		Files.writeString(dir.resolve("notes.txt"), "not an image");
		SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 0, 300, UID, 1, 1, 0).remove(DicomTags.PIXEL_DATA)
			.write(dir.resolve("report.dcm"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 50, 800 }, s.bValues);
		String notes = String.join("\n", s.notes);
		assertTrue(notes.contains("left out 2 derived image(s)"), notes);
		assertTrue(notes.contains("adc.dcm") && notes.contains("ADC"), notes);
		assertTrue(notes.contains("trace.dcm") && notes.contains("TRACEW"), notes);
		assertTrue(notes.contains("skipped 2 file(s) that are not DICOM images: notes.txt; report.dcm (DICOM without an image)"), notes);
	}

	@Test
	void traceWeightedOnlyExportIsUsedAndReported(@TempDir Path dir) throws Exception {
		// A clinical Siemens export often holds only the scanner's TRACEW images (b = 0 included) and the ADC map.
		int instance = 1;
		for (double b : new double[] { 0, 50, 800 })
			for (double pos : new double[] { 0, 5 })
				SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, b, pos, instance++, UID, 2, 2, (int) (1000 - b))
					.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\TRACEW\\ND")
					.write(dir.resolve("t" + instance));
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 800, 0, 99, UID, 2, 2, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC\\ND").write(dir.resolve("adc"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 50, 800 }, s.bValues);
		assertEquals(200, s.planes[2][1][0], 0);
		String notes = String.join("\n", s.notes);
		assertTrue(notes.contains("used the scanner's trace-weighted images at b = 0, 50, 800"), notes);
		assertTrue(notes.contains("left out 1 derived image(s): adc: derived ADC map"), notes);
	}

	@Test
	void traceWeightedImagesStandInOnlyWhereNoDirectionWasSaved(@TempDir Path dir) throws Exception {
		int instance = 1;
		for (double pos : new double[] { 0, 5 }) {
			SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, pos, instance++, UID, 2, 2, 1000).write(dir.resolve("b0-" + pos));
			SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, pos, instance++, UID, 2, 2, 7)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\TRACEW\\ND").write(dir.resolve("tb0-" + pos));
			SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 500, pos, instance++, UID, 2, 2, 400)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\TRACEW\\ND").write(dir.resolve("t500-" + pos));
		}
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.SEPARATE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 500 }, s.bValues);
		assertEquals(1000, s.planes[0][0][0], 0);
		assertEquals(400, s.planes[1][0][0], 0);
		String notes = String.join("\n", s.notes);
		assertTrue(notes.contains("trace-weighted images at b = 500 "), notes);
		assertTrue(notes.contains("left out 2 derived image(s)") && notes.contains("tb0-0.0"), notes);
	}

	@Test
	void siemensMosaicIsRefusedWithAHint(@TempDir Path dir) throws Exception {
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 0, 1, UID, 4, 4, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\DIFFUSION\\NONE\\ND\\MOSAIC").write(dir.resolve("m.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith("m.dcm: is a Siemens mosaic") && e.getMessage().contains("dcm2niix"),
			e.getMessage());
	}

	@Test
	void folderOfOnlyTheScannersAdcOpensAsTheMapInMm2PerS(@TempDir Path dir) throws Exception {
		for (int z = 0; z < 2; z++)
			SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 5 * z, 1 + z, UID, 2, 2, 800 + 100 * z)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC")
				.text(DicomTags.SERIES_NUMBER, "IS", "11").text(DicomTags.SERIES_DESCRIPTION, "LO", "DWI_ADC")
				.write(dir.resolve("adc" + z + ".dcm"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertEquals("ADC", s.mapParameter);
		assertEquals("mm\u00b2/s", s.mapUnit);
		assertEquals(null, s.bValues);
		assertEquals(1, s.frames());
		assertEquals(2, s.depth);
		assertEquals(800e-6, s.planes[0][0][0], 1e-10);
		assertEquals(903e-6, s.planes[0][1][3], 1e-10);
		String notes = String.join("\n", s.notes);
		assertTrue(notes.contains("the scanner's ADC map (series 11 DWI_ADC)") && notes.contains("1e-6 mm\u00b2/s"), notes);
		assertTrue(!notes.contains("another unit"), notes);
		// A map stored in another unit (here already 1e-3 mm²/s: 0.8) is flagged.
		for (int z = 0; z < 2; z++)
			SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 5 * z, 1 + z, UID, 2, 2, 1)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC").write(dir.resolve("adc" + z + ".dcm"));
		notes = String.join("\n", DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE).notes);
		assertTrue(notes.contains("this scanner may store another unit"), notes);
	}

	@Test
	void geAndPhilipsAdcSeriesAreRecognisedToo(@TempDir Path dir) throws Exception {
		Path ge = Files.createDirectories(dir.resolve("ge")), philips = Files.createDirectories(dir.resolve("philips"));
		for (int z = 0; z < 2; z++) {
			SyntheticDicom.diffusion("GE MEDICAL SYSTEMS", BTag.GE, 1000, 5 * z, 1 + z, UID, 2, 2, 700)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\SECONDARY\\ADC").write(ge.resolve("adc" + z));
			// Philips stores the map scaled: 350 x slope 2 = 700 (1e-6 mm²/s).
			SyntheticDicom.diffusion("Philips Medical Systems", BTag.PHILIPS, 1000, 5 * z, 1 + z, UID, 2, 2, 350)
				.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\ADC\\ADC").text(DicomTags.RESCALE_SLOPE, "DS", "2")
				.write(philips.resolve("adc" + z));
		}
		for (Path folder : new Path[] { ge, philips }) {
			DiffusionSeries s = DicomDiffusionSeries.readFolder(folder, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
			assertEquals("ADC", s.mapParameter, folder.toString());
			assertEquals(700e-6, s.planes[0][0][0], 1e-10, folder.toString());
		}
	}

	@Test
	void folderOfOnlyOtherDerivedImagesIsAnError(@TempDir Path dir) throws Exception {
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 0, 1, UID, 2, 2, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\SECONDARY\\OTHER").write(dir.resolve("other.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("only derived images") && e.getMessage().contains("other.dcm"), e.getMessage());
	}

	@Test
	void twoKindsOfScannerMapsInOneFolderAreAnError(@TempDir Path dir) throws Exception {
		SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 0, 1, UID, 2, 2, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC").write(dir.resolve("adc.dcm"));
		SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 0, 2, UID, 2, 2, 1)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\FA").write(dir.resolve("fa.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("2 kinds (ADC, FA)"), e.getMessage());
	}

	@Test
	void missingBValueTagNamesTheFile(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.NONE, 0, 14, 300, UID, 4, 5, 1).write(dir.resolve("nob.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith(dir.resolve("nob.dcm").getFileName().toString()), e.getMessage());
		assertTrue(e.getMessage().contains("has no b-value") && e.getMessage().contains("(0019,100C)"), e.getMessage());
	}

	@Test
	void vendorTagOfAnotherManufacturerIsNotTrusted(@TempDir Path dir) throws Exception {
		// (0019,100C) means something else on a GE scanner.
		SyntheticDicom.diffusion("GE MEDICAL SYSTEMS", BTag.SIEMENS, 500, 0, 1, UID, 2, 2, 1).write(dir.resolve("a.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("has no b-value"), e.getMessage());
	}

	@Test
	void imagesOfDifferentSizesAreAnError(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 20, 300, UID, 6, 5, 1).write(dir.resolve("zbig.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith("zbig.dcm: is 5 x 6 pixels"), e.getMessage());
	}

	@Test
	void mixedSeriesAreAnError(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 20, 300, "1.2.3.4.999", 4, 5, 1).write(dir.resolve("other.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("mixes 2 series") && e.getMessage().contains("other.dcm"), e.getMessage());
	}

	@Test
	void incompleteSeriesIsAnError(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		Files.delete(dir.resolve("img090.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("image(s) at b = 50"), e.getMessage());
	}

	@Test
	void differentOrientationsAreAnError(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 20, 300, UID, 4, 5, 1)
			.text(DicomTags.IMAGE_ORIENTATION_PATIENT, "DS", "0\\1\\0\\0\\0\\-1").write(dir.resolve("sag.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith("sag.dcm: is oriented differently"), e.getMessage());
	}

	@Test
	void sliceLocationIsTheFallbackPosition(@TempDir Path dir) throws Exception {
		for (int z = 0; z < 2; z++)
			SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 10 - 3 * z, z + 1, UID, 2, 2, 10 * z)
				.remove(DicomTags.IMAGE_POSITION_PATIENT).remove(DicomTags.IMAGE_ORIENTATION_PATIENT)
				.write(dir.resolve("s" + z));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertEquals(10, s.planes[0][0][0], 0); // location 7 first
		assertEquals(3, s.pixelDepth, 1e-9);
		assertEquals(null, s.geometry);
	}

	@Test
	void imagesWithAndWithoutImagePositionAreAnError(@TempDir Path dir) throws Exception {
		writeSeries(dir, "SIEMENS", BTag.SIEMENS);
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 20, 300, UID, 4, 5, 1)
			.remove(DicomTags.IMAGE_POSITION_PATIENT).write(dir.resolve("zloc.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith("zloc.dcm: lacks Image Position/Orientation (Patient)"), e.getMessage());
	}

	@Test
	void noSlicePositionIsAnError(@TempDir Path dir) throws Exception {
		SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 0, 1, 1, UID, 2, 2, 1).remove(DicomTags.IMAGE_POSITION_PATIENT)
			.remove(DicomTags.SLICE_LOCATION).write(dir.resolve("a.dcm"));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("a.dcm: has no slice position"), e.getMessage());
	}

	@Test
	void emptyFolderAndMissingFolderAreErrors(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("readme.txt"), "x");
		assertTrue(assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE)).getMessage()
				.contains("holds no DICOM images"));
		assertTrue(assertThrows(IvimImportException.class, () -> DicomDiffusionSeries.readFolder(dir.resolve("nope"),
			RepeatHandling.TRACE, VolumeOrder.B_VALUE)).getMessage().contains("is not a folder"));
	}
}

package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ivimj.testing.SyntheticDicom;
import org.ivimj.testing.SyntheticDicom.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enhanced (multi-frame) MR images written by the tests: Philips-style (one file, every volume, per-frame
 * b-values and rescale, isotropic trace frames), Siemens-style (one file per volume), every encoding
 * (explicit/implicit VR, defined/undefined lengths), and the bad files a reader meets.
 */
class EnhancedDicomTest {

	private static final String UID = "1.2.3.4.200";
	private static final int ROWS = 3, COLS = 4;
	/** Slice positions written in this (shuffled) order. */
	private static final double[] POSITIONS = { 8, -4, 2 };

	/** Stored value of a frame: depends on b, direction and slice, + pixel index. */
	private static short[] pixels(int base) {
		short[] p = new short[ROWS * COLS];
		for (int i = 0; i < p.length; i++) p[i] = (short) (base + i);
		return p;
	}

	/**
	 * Philips-style: volume-major frames; b = 0 (NONE), b = 500 in 2 directions plus the scanner's
	 * isotropic image, b = 1000 in 2 directions; the b = 1000 frames stored with rescale slope 2.
	 */
	static List<Frame> philipsFrames() {
		List<Frame> frames = new ArrayList<>();
		int volume = 0;
		Object[][] volumes = { { 0.0, "NONE" }, { 500.0, "DIRECTIONAL" }, { 500.0, "DIRECTIONAL" }, { 500.0, "ISOTROPIC" },
			{ 1000.0, "DIRECTIONAL" }, { 1000.0, "DIRECTIONAL" } };
		for (Object[] v : volumes) {
			volume++;
			double b = (Double) v[0];
			for (int s = 0; s < POSITIONS.length; s++) {
				int base = (int) (1000 - b / 2) + 10 * volume + (int) POSITIONS[s];
				boolean scaled = b == 1000;
				Frame f = new Frame(b, (String) v[1], POSITIONS[s], pixels(scaled ? base / 2 : base));
				if (scaled) f.slope = 2;
				f.temporalIndex = volume;
				f.stackPosition = s + 1;
				frames.add(f);
			}
		}
		return frames;
	}

	@Test
	void philipsStyleOneFileAllVolumesInEveryEncoding(@TempDir Path dir) throws Exception {
		for (boolean implicit : new boolean[] { false, true })
			for (boolean undefined : new boolean[] { false, true }) {
				Path sub = Files.createDirectories(dir.resolve(implicit + "-" + undefined));
				SyntheticDicom.enhanced("Philips Medical Systems", UID, 1, ROWS, COLS, philipsFrames()).implicitVr(implicit)
					.undefinedLengths(undefined).write(sub.resolve("IM_0001"));
				DiffusionSeries s = DicomDiffusionSeries.readFolder(sub, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
				String what = "implicit " + implicit + ", undefined lengths " + undefined;
				assertArrayEquals(new double[] { 0, 500, 1000 }, s.bValues, what);
				assertEquals(3, s.depth, what);
				assertEquals(COLS, s.width, what);
				assertEquals(ROWS, s.height, what);
				assertEquals(0.9, s.pixelWidth, 1e-12, what);
				assertEquals(0.8, s.pixelHeight, 1e-12, what);
				assertEquals(6, s.pixelDepth, 1e-9, what); // positions -4, 2, 8
				assertNotNull(s.geometry, what);
				// slice 0 = position -4; b = 500: volumes 2 and 3 (values 750 + 20 - 4 and 750 + 30 - 4).
				assertEquals(Math.sqrt(766.0 * 776.0), s.planes[1][0][0], 1e-2, what);
				// b = 1000 frames were stored halved with slope 2: the rescaled values come back (even numbers).
				double v5 = 2 * ((500 + 50 + 2) / 2), v6 = 2 * ((500 + 60 + 2) / 2);
				assertEquals(Math.sqrt(v5 * v6), s.planes[2][1][0], 1e-2, what);
				assertEquals(1000 + 10 + 8 + 5, s.planes[0][2][5], 1e-6, what);
				String notes = String.join("\n", s.notes);
				assertTrue(notes.contains("read 1 enhanced multi-frame file(s)"), notes);
				assertTrue(notes.contains("left out 3 derived image(s)") && notes.contains("(0018,9075) = ISOTROPIC"), notes);
				assertTrue(notes.contains("IM_0001 frame 10"), notes);
			}
	}

	@Test
	void keptApartInAcquisitionOrderFollowsTheTemporalIndex(@TempDir Path dir) throws Exception {
		List<Frame> frames = philipsFrames();
		// Slice-major frame order in the file: acquisition order must still come from the temporal index.
		frames.sort((a, b) -> Integer.compare(a.stackPosition, b.stackPosition));
		SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames).write(dir.resolve("IM_0001"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.SEPARATE, VolumeOrder.ACQUISITION);
		assertArrayEquals(new double[] { 0, 500, 500, 1000, 1000 }, s.bValues);
		assertEquals(1000 - 250 + 20 - 4, s.planes[1][0][0], 1e-6);
		assertEquals(1000 - 250 + 30 - 4, s.planes[2][0][0], 1e-6);
		DiffusionSeries mean = DicomDiffusionSeries.readFolder(dir, RepeatHandling.MEAN, VolumeOrder.B_VALUE);
		assertEquals((766 + 776) / 2.0, mean.planes[1][0][0], 1e-4);
	}

	@Test
	void isotropicFramesAreUsedWhereNoDirectionWasSaved(@TempDir Path dir) throws Exception {
		List<Frame> frames = new ArrayList<>();
		for (Frame f : philipsFrames())
			if (!(f.b == 500 && "DIRECTIONAL".equals(f.directionality))) frames.add(f);
		SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames).write(dir.resolve("IM_0001"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 500, 1000 }, s.bValues);
		assertEquals(1000 - 250 + 40 - 4, s.planes[1][0][0], 1e-6);
		assertTrue(String.join("\n", s.notes).contains("used the scanner's trace-weighted images at b = 500"), s.notes.toString());
	}

	@Test
	void siemensStyleOneFilePerVolume(@TempDir Path dir) throws Exception {
		double[] bs = { 0, 800, 800, 800 };
		for (int v = 0; v < bs.length; v++) {
			List<Frame> frames = new ArrayList<>();
			for (int s = 0; s < POSITIONS.length; s++) {
				Frame f = new Frame(bs[v], bs[v] == 0 ? "NONE" : "DIRECTIONAL", POSITIONS[s], pixels(900 - 100 * v + s));
				f.temporalIndex = v + 1;
				f.stackPosition = s + 1;
				frames.add(f);
			}
			SyntheticDicom.enhanced("Siemens Healthineers", UID, v + 1, ROWS, COLS, frames)
				.write(dir.resolve(String.format("%04d.dcm", 4 - v)));
		}
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.SEPARATE, VolumeOrder.ACQUISITION);
		assertArrayEquals(new double[] { 0, 800, 800, 800 }, s.bValues);
		// slice 0 = position -4, written as frame 2 (s = 1) of each file.
		for (int v = 0; v < 4; v++) assertEquals(900 - 100 * v + 1, s.planes[v][0][0], 1e-6, "volume " + v);
		assertTrue(s.notes.get(0).startsWith("12 images: 3 slice(s) x 4 frame(s)"), s.notes.toString());
	}

	@Test
	void traceCountsAZeroAsOneStoredUnitAndReportsTheVoxels(@TempDir Path dir) throws Exception {
		List<Frame> frames = philipsFrames();
		frames.removeIf(f -> f.b == 1000 || "ISOTROPIC".equals(f.directionality));
		short[] zero = frames.get(3).pixels.clone(); // b = 500, first direction, first slice written (position 8)
		zero[0] = 0;
		frames.get(3).pixels = zero;
		SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames).write(dir.resolve("IM_0001"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		// position 8 is slice 2; the other direction holds 750 + 30 + 8.
		assertEquals(Math.sqrt(1 * 788.0), s.planes[1][2][0], 1e-3);
		String notes = String.join("\n", s.notes);
		assertTrue(notes.contains("trace: 1 of 36 voxel(s) with signal (2.78%; lowest-b image above 10% of its 99th"
			+ " percentile) had a zero in some but not all diffusion directions (1 of all 36 voxels, 0 with zeros in all)"),
			notes);
		assertTrue(notes.contains("the scanner's rule"), notes);
	}

	@Test
	void mapsOfTheScannerInEnhancedFilesOpenAsMaps(@TempDir Path dir) throws Exception {
		List<Frame> frames = new ArrayList<>();
		for (int s = 0; s < POSITIONS.length; s++) {
			Frame f = new Frame(0, "ISOTROPIC", POSITIONS[s], pixels(700 + s));
			f.writeB = false;
			f.frameType = "DERIVED\\PRIMARY\\DIFFUSION\\ADC";
			f.stackPosition = s + 1;
			frames.add(f);
		}
		SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames)
			.text(DicomTags.IMAGE_TYPE, "CS", "DERIVED\\PRIMARY\\DIFFUSION\\ADC").write(dir.resolve("adc"));
		DiffusionSeries s = DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertEquals("ADC", s.mapParameter);
		assertEquals(null, s.bValues);
		assertEquals(701e-6, s.planes[0][0][0], 1e-10); // position -4 = second frame
	}

	// ---- bad files: a clear message naming the file, never another exception ----

	private static IvimImportException refused(Path dir, SyntheticDicom d) throws Exception {
		return refused(dir, d.toBytes());
	}

	private static IvimImportException refused(Path dir, byte[] bytes) throws Exception {
		Path f = dir.resolve("bad.dcm");
		Files.write(f, bytes);
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomDiffusionSeries.readFolder(dir, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().startsWith(f.toString()) || e.getMessage().startsWith("bad.dcm"), e.getMessage());
		return e;
	}

	@Test
	void truncatedFramesAreNamed(@TempDir Path dir) throws Exception {
		byte[] b = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames()).toBytes();
		IvimImportException e = refused(dir, Arrays.copyOf(b, b.length - 2 * ROWS * COLS - 6));
		assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
	}

	@Test
	void frameCountThatDisagreesWithThePixelDataIsNamed(@TempDir Path dir) throws Exception {
		List<Frame> frames = philipsFrames();
		// More frames declared than the pixel data holds.
		SyntheticDicom more = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames);
		more.text(DicomTags.NUMBER_OF_FRAMES, "IS", Integer.toString(frames.size() + 1));
		SyntheticDicom[] items = more.items(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
		SyntheticDicom[] extra = Arrays.copyOf(items, items.length + 1);
		extra[items.length] = items[0];
		more.seq(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, extra);
		IvimImportException e = refused(dir, more);
		assertTrue(e.getMessage().contains("is truncated: 19 frames of 3 x 4 pixels") && e.getMessage().contains("(18 whole"
			+ " frames)"), e.getMessage());
		// Fewer frames declared than the pixel data holds.
		SyntheticDicom fewer = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames);
		fewer.text(DicomTags.NUMBER_OF_FRAMES, "IS", Integer.toString(frames.size() - 3));
		fewer.seq(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, Arrays.copyOf(items, items.length - 3));
		e = refused(dir, fewer);
		assertTrue(e.getMessage().contains("says it has 15 frames") && e.getMessage().contains("holds 18 frames"),
			e.getMessage());
		// Per-frame groups that do not match the frame count.
		SyntheticDicom groups = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames);
		groups.seq(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, Arrays.copyOf(items, 5));
		e = refused(dir, groups);
		assertTrue(e.getMessage().contains("has 5 Per-frame Functional Groups (5200,9230) items for its 18 frames"),
			e.getMessage());
	}

	@Test
	void missingFunctionalGroupsAreNamed(@TempDir Path dir) throws Exception {
		SyntheticDicom none = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames())
			.remove(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE).remove(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
		IvimImportException e = refused(dir, none);
		assertTrue(e.getMessage().contains("no functional groups") && e.getMessage().contains("dcm2niix"), e.getMessage());
		SyntheticDicom noPerFrame = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames())
			.remove(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
		e = refused(dir, noPerFrame);
		assertTrue(e.getMessage().contains("has 18 frames but no Per-frame Functional Groups (5200,9230)"), e.getMessage());
		// A frame without its diffusion macro has no b-value.
		SyntheticDicom noDiffusion = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames());
		noDiffusion.items(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)[4].remove(DicomTags.MR_DIFFUSION_SEQUENCE);
		e = refused(dir, noDiffusion);
		assertTrue(e.getMessage().startsWith("bad.dcm frame 5: has no b-value"), e.getMessage());
		// A frame without its position.
		SyntheticDicom noPosition = SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames());
		noPosition.items(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)[2].remove(DicomTags.PLANE_POSITION_SEQUENCE);
		e = refused(dir, noPosition);
		assertTrue(e.getMessage().startsWith("bad.dcm frame 3: has no slice position"), e.getMessage());
	}

	@Test
	void mixedBValueUnitsAreRefused(@TempDir Path dir) throws Exception {
		List<Frame> frames = philipsFrames();
		for (Frame f : frames)
			if (f.b == 1000) f.b = 1e9; // written in s/m² among frames in s/mm²
		IvimImportException e = refused(dir, SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, frames));
		assertTrue(e.getMessage().contains("has b = 1000000000 in (0018,9087) standard, which is not a b-value in s/mm²")
			&& e.getMessage().contains("1000 s/mm²") && e.getMessage().contains("units"), e.getMessage());
	}

	@Test
	void compressedTransferSyntaxesAreRefusedByNameWithWhatToDo(@TempDir Path dir) throws Exception {
		String[][] syntaxes = { { "1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless" }, { "1.2.840.10008.1.2.5", "RLE Lossless" },
			{ "1.2.840.10008.1.2.4.70", "JPEG Lossless" }, { "1.2.840.10008.1.2.1.99", "Deflated" },
			{ "1.2.840.10008.1.2.4.100", "a compressed syntax" } };
		for (String[] ts : syntaxes) {
			IvimImportException e = refused(dir, SyntheticDicom.enhanced("Philips", UID, 1, ROWS, COLS, philipsFrames())
				.encapsulated(ts[0]));
			String m = e.getMessage();
			assertTrue(m.contains("compressed pixel data") && m.contains(ts[1]) && m.contains(ts[0]), m);
			assertTrue(m.contains("dcm2niix") && m.contains("gdcmconv --raw"), m);
		}
	}
}

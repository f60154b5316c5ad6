package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.ivimj.testing.SharedData;
import org.ivimj.testing.SyntheticDicom;
import org.ivimj.testing.SyntheticDicom.BTag;
import org.junit.jupiter.api.Test;

/**
 * Random mutations and truncations of valid DICOM and NIfTI headers (fixed seeds, so failures
 * reproduce): the importers must either succeed or throw {@link IvimImportException}, never anything
 * else (no ArrayIndexOutOfBounds, NumberFormat, NegativeArraySize, OutOfMemory...).
 */
class ImportFuzzTest {

	private static final int ROUNDS = 2000;

	@Test
	void mutatedRealGeDicomHeaders() throws Exception {
		byte[] valid = Files.readAllBytes(SharedData.geDicom().resolve("i24.MRDC.3"));
		fuzzDicom(valid, headerEnd(valid), 11);
	}

	@Test
	void mutatedRealPhilipsDicomHeaders() throws Exception {
		byte[] valid = Files.readAllBytes(SharedData.philipsDicom().resolve("In_cl_DICOM_IM_0240.dcm"));
		fuzzDicom(valid, headerEnd(valid), 12);
	}

	@Test
	void mutatedSyntheticDicomHeaders() throws Exception {
		for (boolean implicit : new boolean[] { false, true }) {
			byte[] valid = SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 800, 3, 7, "1.2.3", 4, 4, 40)
				.implicitVr(implicit).toBytes();
			fuzzDicom(valid, valid.length, implicit ? 13 : 14);
		}
	}

	@Test
	void mutatedRealSiemensEnhancedHeaders() throws Exception {
		// A 600 kB file whose header (functional groups, Siemens private sequences) is a third of it: fewer rounds.
		Path dir = SharedData.siemensEnhancedDwi();
		byte[] valid;
		try (var files = Files.list(dir)) {
			valid = Files.readAllBytes(files.sorted().skip(1).findFirst().orElseThrow());
		}
		fuzzEnhanced(valid, headerEnd(valid), 31, ROUNDS / 4);
	}

	@Test
	void mutatedSyntheticEnhancedFiles() throws Exception {
		long seed = 40;
		for (boolean implicit : new boolean[] { false, true })
			for (boolean undefined : new boolean[] { false, true }) {
				byte[] valid = SyntheticDicom.enhanced("Philips", "1.2.3", 1, 3, 4, EnhancedDicomTest.philipsFrames())
					.implicitVr(implicit).undefinedLengths(undefined).toBytes();
				fuzzEnhanced(valid, valid.length, seed++, ROUNDS / 2);
			}
	}

	/** Parse, split into frames, arrange and read every plane: an IvimImportException or a series. */
	private static void fuzzEnhanced(byte[] valid, int region, long seed, int rounds) {
		Random rnd = new Random(seed);
		int ok = 0;
		for (int round = 0; round < rounds; round++) {
			byte[] b = mutate(valid, region, rnd);
			String name = "seed" + seed + "-round" + round;
			try {
				DicomFile f = DicomFile.parse(name, b);
				List<DicomDiffusionSeries.Source> sources = new ArrayList<>();
				if (f.hasPixelData() && EnhancedDicomFrames.isMultiFrame(f))
					sources.addAll(EnhancedDicomFrames.sources(name, f, 0));
				else sources.add(new DicomDiffusionSeries.Source(name, f.attributes(), f::pixels));
				for (RepeatHandling r : new RepeatHandling[] { RepeatHandling.TRACE, RepeatHandling.SEPARATE })
					DicomDiffusionSeries.arrange(name, sources, r, VolumeOrder.ACQUISITION, new ArrayList<>());
				ok++;
			}
			catch (IvimImportException e) {
				assertTrue(e.getMessage().startsWith(name), e.getMessage());
			}
			catch (Throwable t) {
				fail(name + " threw " + t, t);
			}
		}
		assertTrue(ok > 0, "some mutations should still read");
	}

	@Test
	void mutatedNiftiHeaders() throws Exception {
		byte[] synthetic = NiftiTestFiles.build(4, 3, 2, 5, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 0, 10);
		byte[] big = NiftiTestFiles.build(4, 3, 2, 5, NiftiHeader.DT_FLOAT32, ByteOrder.BIG_ENDIAN, 2, 1, 10);
		byte[] real = Files.readAllBytes(SharedData.geNifti());
		fuzzNifti(synthetic, 21, false);
		fuzzNifti(big, 22, false);
		// The real header, cut to its first 2 volumes (dim[4] = 2) to keep the test quick.
		byte[] cut = Arrays.copyOf(real, 352 + 256 * 256 * 2 * 2 * 2);
		cut[48] = 2;
		NiftiReader.read("cut.nii", new ByteArrayInputStream(cut));
		fuzzNifti(cut, 23, false);
		fuzzNifti(synthetic, 24, true);
	}

	private static void fuzzDicom(byte[] valid, int region, long seed) {
		Random rnd = new Random(seed);
		int ok = 0;
		for (int round = 0; round < ROUNDS; round++) {
			byte[] b = mutate(valid, region, rnd);
			String name = "seed" + seed + "-round" + round;
			try {
				DicomFile f = DicomFile.parse(name, b);
				DicomDiffusionImage img = DicomDiffusionImage.from(name, f.attributes());
				f.pixels();
				List<DicomDiffusionSeries.Source> sources = new ArrayList<>();
				sources.add(new DicomDiffusionSeries.Source(name, f.attributes(), f::pixels));
				DicomDiffusionSeries.arrange(name, sources, RepeatHandling.TRACE, VolumeOrder.B_VALUE, new ArrayList<>());
				if (img != null) ok++;
			}
			catch (IvimImportException e) {
				assertTrue(e.getMessage().startsWith(name), e.getMessage());
			}
			catch (Throwable t) {
				fail(name + " threw " + t, t);
			}
		}
		assertTrue(ok > 0, "some mutations should still read");
	}

	private static void fuzzNifti(byte[] valid, long seed, boolean gz) throws Exception {
		Random rnd = new Random(seed);
		for (int round = 0; round < ROUNDS / 3; round++) {
			byte[] b = mutate(valid, 352, rnd);
			String name = "seed" + seed + "-round" + round + (gz ? ".nii.gz" : ".nii");
			if (gz) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				try (GZIPOutputStream z = new GZIPOutputStream(out)) {
					z.write(b);
				}
				b = out.toByteArray();
				if (rnd.nextBoolean()) b = Arrays.copyOf(b, rnd.nextInt(b.length));
			}
			try {
				NiftiImage img = NiftiReader.read(name, new ByteArrayInputStream(b));
				double[] bv = new double[img.volumeCount()];
				for (int i = 0; i < bv.length; i++) bv[i] = i % 3 * 500;
				NiftiDiffusionSeries.arrange(name, img, bv, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
			}
			catch (IvimImportException e) {
				assertTrue(e.getMessage().startsWith(name), e.getMessage());
			}
			catch (Throwable t) {
				fail(name + " threw " + t, t);
			}
		}
	}

	/** One of: flip bytes, overwrite with extreme values, truncate, insert or delete bytes, within region. */
	private static byte[] mutate(byte[] valid, int region, Random rnd) {
		byte[] b = valid.clone();
		switch (rnd.nextInt(5)) {
			case 0:
				for (int i = rnd.nextInt(8) + 1; i > 0; i--) b[rnd.nextInt(region)] = (byte) rnd.nextInt(256);
				return b;
			case 1:
				for (int i = rnd.nextInt(3) + 1; i > 0; i--) {
					int at = rnd.nextInt(region - 4);
					byte v = rnd.nextBoolean() ? (byte) 0xFF : (byte) 0x7F;
					for (int k = 0; k < 4; k++) b[at + k] = v;
				}
				return b;
			case 2:
				return Arrays.copyOf(b, rnd.nextInt(Math.min(b.length, region + 64)));
			case 3: {
				int at = rnd.nextInt(region), n = rnd.nextInt(7) + 1;
				byte[] c = new byte[b.length + n];
				System.arraycopy(b, 0, c, 0, at);
				for (int i = 0; i < n; i++) c[at + i] = (byte) rnd.nextInt(256);
				System.arraycopy(b, at, c, at + n, b.length - at);
				return c;
			}
			default: {
				int at = rnd.nextInt(region), n = Math.min(rnd.nextInt(7) + 1, b.length - at);
				byte[] c = new byte[b.length - n];
				System.arraycopy(b, 0, c, 0, at);
				System.arraycopy(b, at + n, c, at, b.length - at - n);
				return c;
			}
		}
	}

	/** Offset of the pixel data element: mutations before it hit the header. */
	private static int headerEnd(byte[] b) {
		return DicomFileTest.indexOfTag(b, 0x7FE0, 0x0010) + 12;
	}
}

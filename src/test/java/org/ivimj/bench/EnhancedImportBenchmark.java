package org.ivimj.bench;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.nio.file.Path;
import java.util.Arrays;

import org.ivimj.io.DicomDiffusionSeries;
import org.ivimj.io.DiffusionSeries;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;

/**
 * Speed of importing the shared Siemens XA30 enhanced series (21 files x 39 frames of 72 x 72, 13 MB):
 * the first import in a fresh JVM (what a user waits for after starting Fiji), then the median of
 * repeated imports, for the reader alone (DicomDiffusionSeries.readFolder) and for the whole command
 * (File › Import › DICOM Diffusion Series (IVIM) through IJ.run, hyperstack included). Target: under 3 s.
 * Run with:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ivimj.bench.EnhancedImportBenchmark [runs]
 * </pre>
 */
public final class EnhancedImportBenchmark {

	private EnhancedImportBenchmark() {}

	public static void main(String[] args) throws IvimImportException {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		ImageJHarness.startBatchSession();
		Path folder = SharedData.siemensEnhancedDwi();
		String macro = "folder=[" + folder + "] repeats=[trace (geometric mean)] order=[ascending b]";

		long t0 = System.nanoTime();
		IJ.run("DICOM Diffusion Series (IVIM)...", macro);
		double first = (System.nanoTime() - t0) / 1e9;
		ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null || imp.getNFrames() != 2 || imp.getNSlices() != 39) throw new IllegalStateException("import failed");

		double[] command = new double[runs], reader = new double[runs], apart = new double[runs];
		for (int r = 0; r < runs; r++) {
			long c0 = System.nanoTime();
			IJ.run("DICOM Diffusion Series (IVIM)...", macro);
			command[r] = (System.nanoTime() - c0) / 1e9;
			ImageJHarness.endBatchSession();
			ImageJHarness.startBatchSession();
			long r0 = System.nanoTime();
			DiffusionSeries s = DicomDiffusionSeries.readFolder(folder, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
			reader[r] = (System.nanoTime() - r0) / 1e9;
			long a0 = System.nanoTime();
			DiffusionSeries k = DicomDiffusionSeries.readFolder(folder, RepeatHandling.SEPARATE, VolumeOrder.ACQUISITION);
			apart[r] = (System.nanoTime() - a0) / 1e9;
			if (s.frames() != 2 || k.frames() != 21) throw new IllegalStateException("import failed");
		}
		System.out.printf("Siemens XA30 enhanced series, 21 files x 39 frames (72 x 72), %d runs, %d cores%n", runs,
			Runtime.getRuntime().availableProcessors());
		System.out.printf("  first import in a fresh JVM (command, trace):  %.3f s%n", first);
		System.out.printf("  command (IJ.run, trace), median:               %.3f s%n", median(command));
		System.out.printf("  reader (readFolder, trace), median:            %.3f s%n", median(reader));
		System.out.printf("  reader (readFolder, kept apart), median:       %.3f s%n", median(apart));
		System.exit(0);
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}
}

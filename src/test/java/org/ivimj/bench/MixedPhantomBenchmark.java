package org.ivimj.bench;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.phantom.IvimPhantom;
import org.ivimj.testing.ImageJHarness;

/**
 * Fit IVIM Maps through the real command ({@code IJ.run} with macro options, as a macro runs it) on a
 * realistic mixed image, next to the engine alone on the same voxels and dipy's {@code IvimModel}
 * (trust-region fit, its default) timed in the same run on a sample of them.
 * <p>
 * The image: 128 × 128 × 12 slices × the seed paper's 10 b-values; nine bands of rows, each a tissue —
 * the two lesions of the seed's Table 1, three other bi-exponential tissues, two mono-exponential
 * (muscle-like, CSF-like) and one stretched-exponential tissue, and a band of background (noise only);
 * the three column thirds at SNR 20, 50 and 100 (σ = 1000 / SNR, Rician magnitude). Run with:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ivimj.bench.MixedPhantomBenchmark [runs] [dipy voxels]
 * </pre>
 */
public final class MixedPhantomBenchmark {

	private MixedPhantomBenchmark() {}

	private static final int W = 128, H = 128, SLICES = 12;

	/** The image described above. */
	static ImagePlus image(long seed) {
		double[] b = IvimPhantom.PAPER_B_VALUES;
		// S0, f, D, D* (bi-exponential) | S0, ADC (mono: f = 0) | S0, DDC, alpha (stretched: negative f marks it)
		double[][] tissues = {
			{1000, 0.45, 0.77e-3, 21.96e-3}, {1000, 0.25, 0.85e-3, 33.87e-3}, {700, 0.10, 1.5e-3, 20e-3},
			{900, 0.12, 1.0e-3, 60e-3}, {1100, 0.25, 1.9e-3, 25e-3}, {800, 0, 1.4e-3, 0}, {1500, 0, 3.0e-3, 0},
			{1000, -1, 1.1e-3, 0.7}, {0, 0, 0, 0}};
		Random rnd = new Random(seed);
		ImageStack stack = new ImageStack(W, H);
		float[][][] planes = new float[b.length][SLICES][W * H];
		for (int z = 0; z < SLICES; z++)
			for (int y = 0; y < H; y++) {
				double[] t = tissues[Math.min(tissues.length - 1, y / 14)];
				for (int x = 0; x < W; x++) {
					double sigma = 1000.0 / (x < 43 ? 20 : x < 86 ? 50 : 100);
					for (int k = 0; k < b.length; k++) {
						double s = t[1] < 0 ? t[0] * Math.exp(-Math.pow(b[k] * t[2], t[3]))
							: t[0] * ((1 - t[1]) * Math.exp(-b[k] * t[2]) + t[1] * Math.exp(-b[k] * t[3]));
						double re = s + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
						planes[k][z][y * W + x] = (float) Math.hypot(re, im);
					}
				}
			}
		for (int k = 0; k < b.length; k++)
			for (int z = 0; z < SLICES; z++) stack.addSlice("b=" + BValueMetadata.format(b[k]), planes[k][z]);
		ImagePlus imp = new ImagePlus("mixed_phantom", stack);
		imp.setDimensions(1, SLICES, b.length);
		imp.setOpenAsHyperStack(true);
		BValueMetadata.set(imp, b, BDimension.FRAMES);
		return imp;
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		int dipyVoxels = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
		ImageJHarness.registerCommands();
		Interpreter.batchMode = true;
		ImagePlus imp = image(7);
		double[] b = IvimPhantom.PAPER_B_VALUES;
		int voxels = W * H * SLICES, nb = b.length, threads = Runtime.getRuntime().availableProcessors();
		float[] signals = new float[voxels * nb];
		for (int k = 0; k < nb; k++)
			for (int z = 0; z < SLICES; z++) {
				float[] p = (float[]) imp.getStack().getPixels(imp.getStackIndex(1, z + 1, k + 1));
				for (int i = 0; i < W * H; i++) signals[(z * W * H + i) * nb + k] = p[i];
			}
		Map<String, FitMethod> methods = new LinkedHashMap<>();
		methods.put("mono", FitMethod.MONO_LOG_LINEAR);
		methods.put("segmented", FitMethod.BI_SEGMENTED);
		methods.put("free", FitMethod.BI_FREE);
		methods.put("stretched", FitMethod.STRETCHED);
		methods.put("shrinkage", FitMethod.BI_SHRINKAGE);
		System.out.printf(Locale.ROOT, "Mixed phantom: %d x %d x %d slices x %d b-values = %d voxels (1/9 background), "
			+ "%d threads, %s %s%n", W, H, SLICES, nb, voxels, threads, System.getProperty("java.vm.name"),
			System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "%-10s %14s %14s %10s%n", "method", "command vox/s", "engine vox/s", "cmd/eng");
		double freeCommand = 0, freeEngine = 0;
		double allFour = Double.MAX_VALUE;
		for (int run = -1; run < runs; run++) { // all four voxel-wise methods in one command, as the docs' example
			double t = command(imp, "mono segmented free stretched region=[whole image]");
			if (run >= 0) allFour = Math.min(allFour, t);
		}
		for (Map.Entry<String, FitMethod> e : methods.entrySet()) {
			double[] cmd = new double[runs], eng = new double[runs];
			FitOptions options = new FitOptions().priorComponents(1);
			for (int run = -1; run < runs; run++) {
				double c = command(imp, e.getKey() + " region=[whole image] prior_components=1");
				long t0 = System.nanoTime();
				if (e.getValue().regionWide()) Ivim.fitVoxels(e.getValue(), b, options, signals, threads, null, null);
				else BatchFit.fit(Ivim.fitter(e.getValue(), b, options), signals, threads, null, null);
				double g = (System.nanoTime() - t0) / 1e9;
				if (run >= 0) {
					cmd[run] = c;
					eng[run] = g;
				}
			}
			double c = median(cmd), g = median(eng);
			System.out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %10.2f%n", e.getKey(), voxels / c, voxels / g, c / g);
			if (e.getValue() == FitMethod.BI_FREE) {
				freeCommand = voxels / c;
				freeEngine = voxels / g;
			}
		}
		System.out.printf(Locale.ROOT, "4 methods (mono, segmented, free, stretched) in one Fit IVIM Maps: %.2f s (best of %d)%n",
			allFour, runs);

		// dipy on a sample spread over the image (every tissue and SNR), our engine on the same sample.
		int stride = voxels / dipyVoxels;
		float[] sample = new float[dipyVoxels * nb];
		for (int v = 0; v < dipyVoxels; v++) System.arraycopy(signals, v * stride * nb, sample, v * nb, nb);
		Path f32 = Files.createTempFile("ivimj-dipy", ".f32");
		ByteBuffer buf = ByteBuffer.allocate(sample.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float s : sample) buf.putFloat(s);
		Files.write(f32, buf.array());
		double[] dipy = dipy(f32, b);
		Files.deleteIfExists(f32);
		long t0 = System.nanoTime();
		BatchFit.fit(Ivim.fitter(FitMethod.BI_FREE, b, null), sample, 1, null, null);
		double oneThread = dipyVoxels / ((System.nanoTime() - t0) / 1e9);
		if (dipy == null) {
			System.out.println("dipy: not available (/usr/bin/python3 with python3-dipy)");
			return;
		}
		System.out.printf(Locale.ROOT, "dipy IvimModel (trr), %d sampled voxels: %.0f voxels per CPU-second (one core), "
			+ "%.0f voxels/s wall%n", dipyVoxels, dipy[0], dipy[1]);
		System.out.printf(Locale.ROOT, "free fit, same sample, one thread: %.0f voxels/s = %.0f x dipy per core%n", oneThread,
			oneThread / dipy[0]);
		System.out.printf(Locale.ROOT, "free fit through the command, %d threads: %.0f voxels/s = %.0f x dipy on %d cores%n",
			threads, freeCommand, freeCommand / (threads * dipy[0]), threads);
		System.out.printf(Locale.ROOT, "free fit, command vs engine on the same voxels: %.2f x%n", freeEngine / freeCommand);
	}

	/** Seconds for one Fit IVIM Maps through IJ.run; closes what it opened. */
	private static double command(ImagePlus imp, String options) {
		WindowManager.setTempCurrentImage(imp);
		long t0 = System.nanoTime();
		IJ.run("Fit IVIM Maps...", options);
		double t = (System.nanoTime() - t0) / 1e9;
		String error = IJ.getErrorMessage();
		if (error != null) throw new IllegalStateException(options + ": " + error);
		int[] ids = Interpreter.getBatchModeImageIDs();
		if (ids != null)
			for (int id : ids) {
				ImagePlus out = Interpreter.getBatchModeImage(id);
				if (out != null && out != imp) Interpreter.removeBatchModeImage(out);
			}
		return t;
	}

	/** dipy's rates {voxels per CPU-second, voxels per wall-second}, or null if dipy cannot run. */
	private static double[] dipy(Path f32, double[] b) throws IOException, InterruptedException {
		Path script = ImageJHarness.projectDir().resolve("src/test/resources/org/ivimj/bench/dipy_ivim_rate.py");
		StringBuilder list = new StringBuilder();
		for (double v : b) list.append(list.length() == 0 ? "" : ",").append(v);
		Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), f32.toString(), list.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String line = null;
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			for (String l; (l = r.readLine()) != null;)
				if (l.startsWith("dipy ")) line = l;
		}
		if (p.waitFor() != 0 || line == null) return null;
		String[] f = line.trim().split("\\s+");
		return new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])};
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}
}

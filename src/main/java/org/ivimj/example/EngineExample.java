package org.ivimj.example;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.model.BiExponentialModel;

/**
 * The fitting engine on its own, no ImageJ: simulates the seed paper's two lesion groups (Table 1
 * means) on its 10 b-values with Rician noise, fits every voxel with every method on all cores, and
 * prints each tissue's median estimates next to the truth. For mono and stretched fits of
 * bi-exponential tissue the "truth" is the same fit of the noise-free signal (the value the method
 * converges to without noise). Run: {@code java -cp IVIM_J.jar org.ivimj.example.EngineExample [SNR] [voxels]}.
 */
public final class EngineExample {

	static final double[] B = {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500};
	static final String[] TISSUES = {"tuberculous spondylitis", "spinal metastasis"};
	static final double[][] TRUTH = {{1000, 0.45, 0.77e-3, 21.96e-3}, {1000, 0.25, 0.85e-3, 33.87e-3}};

	private EngineExample() {}

	public static void main(String[] args) {
		double snr = args.length > 0 ? Double.parseDouble(args[0]) : 50;
		int voxels = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
		System.out.printf(Locale.ROOT, "IVIM-J engine example: b = %s s/mm², Rician noise at SNR %.0f, %d voxels per tissue%n%n",
			Arrays.toString(B), snr, voxels);
		Random rnd = new Random(1);
		for (int t = 0; t < TRUTH.length; t++) {
			double[] clean = new double[B.length];
			BiExponentialModel.INSTANCE.signal(B, TRUTH[t], clean);
			float[] signals = new float[voxels * B.length];
			double sigma = TRUTH[t][0] / snr;
			for (int v = 0; v < voxels; v++)
				for (int i = 0; i < B.length; i++) {
					double re = clean[i] + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
					signals[v * B.length + i] = (float) Math.sqrt(re * re + im * im);
				}
			System.out.println(TISSUES[t] + " (truth: f " + TRUTH[t][1] + ", D " + TRUTH[t][2] + ", D* " + TRUTH[t][3] + ")");
			System.out.printf(Locale.ROOT, "  %-28s %-6s %12s %12s %12s %10s%n", "method", "param", "truth", "median", "IQR", "fitted %");
			for (FitMethod m : FitMethod.voxelwise()) {
				long t0 = System.nanoTime();
				BatchResult r = Ivim.fitVoxels(m, B, null, signals);
				double seconds = (System.nanoTime() - t0) * 1e-9;
				FitResult reference = m == FitMethod.BI_FREE ? null : Ivim.fit(m, B, clean);
				String[] names = m.parameterNames();
				for (int k = 1; k < names.length; k++) {
					double truth = reference == null ? TRUTH[t][k] : reference.parameters[k];
					double[] q = quartiles(r.parameters[k]);
					System.out.printf(Locale.ROOT, "  %-28s %-6s %12.5g %12.5g %12.5g %9.1f%%%s%n", k == 1 ? m.label() : "",
						names[k], truth, q[1], q[2] - q[0], 100.0 * q[3], k == 1 ? String.format(Locale.ROOT,
							"   (%.0f voxels/s)", voxels / seconds) : "");
				}
			}
			System.out.println();
		}
	}

	/** Lower quartile, median, upper quartile of the finite values, and the fraction that is finite. */
	static double[] quartiles(float[] values) {
		double[] v = new double[values.length];
		int n = 0;
		for (float x : values)
			if (Float.isFinite(x)) v[n++] = x;
		if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
		Arrays.sort(v, 0, n);
		return new double[] {v[n / 4], v[n / 2], v[3 * n / 4], (double) n / values.length};
	}
}

package org.ivimj.bench;

import java.util.Locale;
import java.util.Random;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.FitStatus;
import org.ivimj.fit.Ivim;
import org.ivimj.model.BiExponentialModel;

/**
 * Voxels per second of every fit method on the seed paper's 10 b-values at SNR 50 (Rician noise),
 * tissues drawn around the paper's two group means, all threads and one thread. Run with
 * {@code mvn -q test-compile && java -cp target/classes:target/test-classes org.ivimj.bench.FitBenchmark}.
 */
public final class FitBenchmark {

	static final double[] B = {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500};

	public static void main(String[] args) {
		int voxels = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		float[] signals = phantomSignals(voxels, 50, 42);
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "%d voxels, %d b-values, SNR 50, %d cores%n", voxels, B.length, cores);
		System.out.printf(Locale.ROOT, "%-28s %14s %14s %16s %8s%n", "method", "voxels/s all", "voxels/s 1",
			"voxels/CPU-s", "ok %");
		for (FitMethod m : FitMethod.voxelwise()) {
			double all = rate(m, signals, cores);
			double one = rate(m, signals, 1);
			double cpu = cpuRate(m, signals);
			BatchResult r = Ivim.fitVoxels(m, B, new FitOptions(), signals);
			double ok = 100.0 * (r.count(FitStatus.OK) + r.count(FitStatus.AT_BOUND)) / voxels;
			System.out.printf(Locale.ROOT, "%-28s %,14.0f %,14.0f %,16.0f %8.1f%n", m.label(), all, one, cpu, ok);
		}
		System.out.println("voxels/CPU-s: one thread's CPU time (not wall time), so other load on the machine does not"
			+ " distort it; with all cores free, voxels/s on all threads approaches cores × this figure.");
	}

	static double rate(FitMethod m, float[] signals, int threads) {
		int voxels = signals.length / B.length;
		// Warm-up so the JIT has compiled the hot loop, then the best of three timed runs.
		for (int i = 0; i < 2; i++) BatchFit.fit(Ivim.fitter(m, B, null), signals, threads, null, null);
		double best = 0;
		for (int i = 0; i < 3; i++) {
			long t0 = System.nanoTime();
			BatchFit.fit(Ivim.fitter(m, B, null), signals, threads, null, null);
			best = Math.max(best, voxels / ((System.nanoTime() - t0) * 1e-9));
		}
		return best;
	}

	/** Voxels per second of the fitting thread's own CPU time, best of three single-thread runs. */
	static double cpuRate(FitMethod m, float[] signals) {
		java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
		int voxels = signals.length / B.length;
		double best = 0;
		for (int i = 0; i < 3; i++) {
			long t0 = bean.getCurrentThreadCpuTime();
			BatchFit.fit(Ivim.fitter(m, B, null), signals, 1, null, null);
			best = Math.max(best, voxels / ((bean.getCurrentThreadCpuTime() - t0) * 1e-9));
		}
		return best;
	}

	/** Bi-exponential signals around the paper's group means with Rician noise, S0 = 1000. */
	static float[] phantomSignals(int voxels, double snr, long seed) {
		Random rnd = new Random(seed);
		float[] out = new float[voxels * B.length];
		double[] p = new double[4];
		double sigma = 1000 / snr;
		for (int v = 0; v < voxels; v++) {
			boolean meta = rnd.nextBoolean();
			p[0] = 1000;
			p[1] = meta ? 0.25 : 0.45;
			p[2] = meta ? 0.85e-3 : 0.77e-3;
			p[3] = meta ? 0.03387 : 0.02196;
			for (int i = 0; i < B.length; i++) {
				double s = BiExponentialModel.INSTANCE.value(B[i], p);
				double re = s + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
				out[v * B.length + i] = (float) Math.sqrt(re * re + im * im);
			}
		}
		return out;
	}
}

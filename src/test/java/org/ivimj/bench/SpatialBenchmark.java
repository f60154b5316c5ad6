package org.ivimj.bench;

import java.util.Locale;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.SpatialBiexponentialFit;
import org.ivimj.testing.StripePhantom;

/**
 * Accuracy and speed of the spatially regularised fit on {@link StripePhantom} (three tissues in
 * stripes with sharp boundaries, the paper's b-values) at SNR 10, 20 and 30: median relative error of
 * f, D and D* next to the free and the shrinkage fits (1 and 3 prior components), the edge spread of
 * each map, and voxels per second on all threads. Run with
 * {@code java -cp "$CP" org.ivimj.bench.SpatialBenchmark [width height]} (see BENCHMARKS.md).
 */
public final class SpatialBenchmark {

	public static void main(String[] args) {
		int w = args.length > 1 ? Integer.parseInt(args[0]) : 96, h = args.length > 1 ? Integer.parseInt(args[1]) : 512;
		int threads = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "stripe phantom %d x %d = %d voxels, %d threads%n", w, h, w * h, threads);
		System.out.printf(Locale.ROOT, "%-5s %-22s %8s %8s %8s   %s%n", "SNR", "method", "f", "D", "D*", "edge spread f/D/D* (voxels)");
		for (double snr : new double[] {10, 20, 30}) {
			StripePhantom ph = new StripePhantom(w, h, snr, 11 + (long) snr);
			report(snr, "free", ph, Ivim.fitVoxels(FitMethod.BI_FREE, StripePhantom.B, null, ph.signals));
			report(snr, "shrinkage (1 comp.)", ph, Ivim.fitVoxels(FitMethod.BI_SHRINKAGE, StripePhantom.B,
				new FitOptions().priorComponents(1), ph.signals, threads, null, null));
			report(snr, "shrinkage (3 comp.)", ph, Ivim.fitVoxels(FitMethod.BI_SHRINKAGE, StripePhantom.B,
				new FitOptions().priorComponents(3), ph.signals, threads, null, null));
			for (double beta : new double[] {4, 16, 64})
				report(snr, "spatial, weight " + (int) beta, ph, new SpatialBiexponentialFit(StripePhantom.B,
					new FitOptions().spatialWeight(beta)).fit(ph.signals, ph.neighbours()));
		}
		StripePhantom big = new StripePhantom(256, 256, 20, 3);
		for (int i = 0; i < 2; i++) new SpatialBiexponentialFit(StripePhantom.B, null).fit(big.signals, big.neighbours());
		double best = 0, free = 0;
		for (int i = 0; i < 3; i++) {
			long t0 = System.nanoTime();
			new SpatialBiexponentialFit(StripePhantom.B, null).fit(big.signals, big.neighbours(), threads, null, null);
			best = Math.max(best, 65536 / ((System.nanoTime() - t0) * 1e-9));
			t0 = System.nanoTime();
			BatchFit.fit(Ivim.fitter(FitMethod.BI_FREE, StripePhantom.B, null), big.signals, threads, null, null);
			free = Math.max(free, 65536 / ((System.nanoTime() - t0) * 1e-9));
		}
		System.out.printf(Locale.ROOT, "speed, 256 x 256 at SNR 20: spatial %,.0f voxels/s (free fit alone %,.0f voxels/s), %d threads%n",
			best, free, threads);
	}

	private static void report(double snr, String name, StripePhantom ph, BatchResult r) {
		System.out.printf(Locale.ROOT, "%-5.0f %-22s %8.4f %8.4f %8.4f   %d / %d / %d%n", snr, name,
			ph.medianRelativeError(r.parameters[1], 1), ph.medianRelativeError(r.parameters[2], 2),
			ph.medianRelativeError(r.parameters[3], 3), ph.edgeSpread(r.parameters[1], 0.25), ph.edgeSpread(r.parameters[2], 0.25),
			ph.edgeSpread(r.parameters[3], 0.25));
	}
}

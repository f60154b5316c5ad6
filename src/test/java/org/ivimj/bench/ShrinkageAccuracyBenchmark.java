package org.ivimj.bench;

import java.util.Locale;

import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.MixedPhantomVoxels;
import org.ivimj.fit.ShrinkageBiexponentialFit;

/**
 * Accuracy of the free and the one-component shrinkage fit on the mixed phantom of
 * {@link MixedPhantomBenchmark} (the same voxels, fitted as one whole-image region through the engine):
 * RMSE over the Cramér–Rao SD of f, D and D* per bi-exponential tissue and SNR, and their median over
 * the five tissues; also the median |error| over 0.6745 × the CRB SD, pooled over the five tissues (1 for
 * an efficient unbiased estimator). The shrinkage fit with its default Gaussian prior and with the
 * heavy-tailed (Student-t) option. Run with
 * {@code java -cp "$CP" org.ivimj.bench.ShrinkageAccuracyBenchmark [runs]} (runs: timed repeats).
 */
public final class ShrinkageAccuracyBenchmark {

	private ShrinkageAccuracyBenchmark() {}

	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
		MixedPhantomVoxels ph = MixedPhantomVoxels.benchmark();
		int threads = Runtime.getRuntime().availableProcessors();
		FitOptions options = new FitOptions().priorComponents(1);
		String[] names = {"f", "D", "D*"};
		for (String m : new String[] {"free", "shrinkage", "shrinkage, heavy-tailed prior"}) {
			BatchResult r = null;
			double best = Double.MAX_VALUE;
			for (int run = 0; run < runs; run++) {
				long t0 = System.nanoTime();
				if (m.equals("free")) r = Ivim.fitVoxels(FitMethod.BI_FREE, MixedPhantomVoxels.B, options, ph.signals, threads, null, null);
				else if (m.equals("shrinkage")) r = Ivim.fitVoxels(FitMethod.BI_SHRINKAGE, MixedPhantomVoxels.B, options, ph.signals,
					threads, null, null);
				else r = new ShrinkageBiexponentialFit(MixedPhantomVoxels.B, options).heavyTailedPrior(true)
					.fit(ph.signals, threads, null, null).asBatchResult();
				best = Math.min(best, (System.nanoTime() - t0) / 1e9);
			}
			System.out.printf(Locale.ROOT, "%s: %d voxels in %.2f s = %.0f voxels/s (best of %d, %d threads)%n", m,
				ph.voxels, best, ph.voxels / best, runs, threads);
			double[][][] ratio = ph.rmseOverCrb(r.parameters);
			double[][] med = MixedPhantomVoxels.medianOverTissues(ratio);
			for (int s = 0; s < MixedPhantomVoxels.SNR.length; s++) {
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  SNR %3.0f", MixedPhantomVoxels.SNR[s]));
				for (int p = 0; p < 3; p++) {
					line.append(String.format(Locale.ROOT, "  %s median %.2f [", names[p], med[s][p]));
					for (int t = 0; t < MixedPhantomVoxels.BI_TISSUES; t++)
						line.append(String.format(Locale.ROOT, t == 0 ? "%.2f" : " %.2f", ratio[s][p][t]));
					line.append(']');
				}
				System.out.println(line);
			}
			double[][][] mae = ph.medianErrorOverCrb(r.parameters);
			for (int s = 0; s < MixedPhantomVoxels.SNR.length; s++) {
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  median|err|/(0.6745 CRB) SNR %3.0f", MixedPhantomVoxels.SNR[s]));
				for (int p = 0; p < 3; p++) {
					line.append(String.format(Locale.ROOT, "  %s pooled %.2f [", names[p], mae[s][p][MixedPhantomVoxels.BI_TISSUES]));
					for (int t = 0; t < MixedPhantomVoxels.BI_TISSUES; t++)
						line.append(String.format(Locale.ROOT, t == 0 ? "%.2f" : " %.2f", mae[s][p][t]));
					line.append(']');
				}
				System.out.println(line);
			}
		}
	}
}

package org.ivimj.bench;

import java.util.Locale;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.ShrinkageBiexponentialFit;
import org.ivimj.fit.ShrinkageResult;
import org.ivimj.phantom.IvimPhantom;

/**
 * Voxels per second of the Bayesian shrinkage fit on whole-map work: the tissue voxels of the
 * bundled phantom (128 × 128 × 20 slices, the paper's 10 b-values), SNR 20 and 50, with one and three
 * prior components, all cores, the free fits it starts from included. Best of three runs after a
 * warm-up. Run: {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * org.ivimj.bench.ShrinkageBenchmark}.
 */
public final class ShrinkageBenchmark {

	public static void main(String[] args) {
		for (double snr : new double[] {20, 50}) {
			IvimPhantom phantom = IvimPhantom.paperProtocol(20, snr, 1);
			float[] signals = tissueSignals(phantom);
			int voxels = signals.length / phantom.bValues.length;
			for (int k : new int[] {1, 3}) {
				double best = 0;
				ShrinkageResult last = null;
				for (int run = 0; run < 4; run++) {
					long t0 = System.nanoTime();
					last = new ShrinkageBiexponentialFit(phantom.bValues, new FitOptions()).priorComponents(k).fit(signals);
					double rate = voxels / ((System.nanoTime() - t0) * 1e-9);
					if (run > 0) best = Math.max(best, rate);
				}
				System.out.printf(Locale.ROOT, "SNR %.0f, %d tissue voxels, %d prior component(s): %,.0f voxels/s (%d rounds)%n", snr,
					voxels, k, best, last.rounds);
			}
			long t0 = System.nanoTime();
			Ivim.fitVoxels(FitMethod.BI_FREE, phantom.bValues, null, signals);
			System.out.printf(Locale.ROOT, "SNR %.0f, free fit alone for comparison: %,.0f voxels/s%n", snr,
				voxels / ((System.nanoTime() - t0) * 1e-9));
		}
	}

	/** Voxel-major signals of every voxel inside the body. */
	static float[] tissueSignals(IvimPhantom p) {
		int nb = p.bValues.length, plane = p.width * p.height;
		int n = 0;
		for (int z = 0; z < p.slices; z++)
			for (int i = 0; i < plane; i++)
				if (p.tissue[i] != null) n++;
		float[] out = new float[n * nb];
		int v = 0;
		for (int z = 0; z < p.slices; z++)
			for (int i = 0; i < plane; i++) {
				if (p.tissue[i] == null) continue;
				for (int bi = 0; bi < nb; bi++) out[v * nb + bi] = p.images[bi][z][i];
				v++;
			}
		return out;
	}
}

package org.ivimj.bench;

import ij.ImagePlus;

import java.util.Arrays;
import java.util.EnumSet;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Ivim;
import org.ivimj.ij.DiffusionHyperstack;
import org.ivimj.ij.FitMapsJob;
import org.ivimj.ij.FitMapsResult;
import org.ivimj.ij.FitMapsSettings;
import org.ivimj.ij.FitRegion;
import org.ivimj.ij.PhantomImage;
import org.ivimj.ij.RegionChoice;
import org.ivimj.phantom.IvimPhantom;

/**
 * Speed of Fit IVIM Maps on a 128 × 128 × 20-slice × 10-b-value hyperstack (the phantom, SNR 50), every
 * voxel, mono (log-linear) + segmented + free bi-exponential + stretched, on all cores. Reports the
 * engine alone (BatchFit on signals already gathered) and the whole command path (gather with ImgLib2
 * cursors, fit, scatter into maps), median of the timed runs after warm-up. Run with:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ivimj.bench.FitMapsBenchmark [runs]
 * </pre>
 */
public final class FitMapsBenchmark {

	private FitMapsBenchmark() {}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		int threads = Runtime.getRuntime().availableProcessors();
		ImagePlus imp = PhantomImage.image(IvimPhantom.paperProtocol(20, 50, 1));
		FitMapsSettings s = new FitMapsSettings();
		s.methods = EnumSet.of(FitMethod.MONO_LOG_LINEAR, FitMethod.BI_SEGMENTED, FitMethod.BI_FREE, FitMethod.STRETCHED);
		s.region = RegionChoice.WHOLE_IMAGE;
		s.table = false;
		DiffusionHyperstack h = DiffusionHyperstack.of(imp);
		FitRegion region = FitRegion.whole(h);
		float[] signals = h.gather(region.masks(), region.voxelCount());
		double[] b = h.bValues();
		FitOptions options = new FitOptions();

		double[] engine = new double[runs], command = new double[runs], fitPart = new double[runs], plumbing = new double[runs];
		double[][] perMethod = new double[s.methods.size()][runs];
		for (int run = -1; run < runs; run++) { // one warm-up run
			long t0 = System.nanoTime();
			int k = 0;
			for (FitMethod m : s.methods) {
				long m0 = System.nanoTime();
				BatchFit.fit(Ivim.fitter(m, b, options), signals, threads, null, null);
				if (run >= 0) perMethod[k][run] = (System.nanoTime() - m0) / 1e9;
				k++;
			}
			long t1 = System.nanoTime();
			FitMapsResult r = FitMapsJob.run(imp, s, null, null);
			long t2 = System.nanoTime();
			if (run >= 0) {
				engine[run] = (t1 - t0) / 1e9;
				command[run] = (t2 - t1) / 1e9;
				fitPart[run] = r.fitNanos / 1e9;
				plumbing[run] = (r.gatherNanos + r.outputNanos) / 1e9;
			}
		}
		double e = median(engine), c = median(command);
		System.out.printf("Fit IVIM Maps benchmark: %d x %d x %d slices x %d b-values = %d voxels, %d threads, %s%n",
			imp.getWidth(), imp.getHeight(), imp.getNSlices(), b.length, region.voxelCount(), threads,
			System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		int k = 0;
		for (FitMethod m : s.methods) System.out.printf("  engine %-28s %.3f s%n", m.label(), median(perMethod[k++]));
		System.out.printf("  engine, 4 methods (BatchFit)       %.3f s%n", e);
		System.out.printf("  Fit IVIM Maps job, 4 methods       %.3f s  (of which fitting %.3f s)%n", c, median(fitPart));
		System.out.printf("  of the job: gather + maps          %.3f s = %.1f %% of its fitting time%n", median(plumbing),
			100 * median(plumbing) / median(fitPart));
		System.out.printf("  job vs engine alone                %+.1f %% (noisy on a shared machine)%n", 100 * (c - e) / e);
		System.out.printf("  runs: %d (median), engine %s, job %s%n", runs, Arrays.toString(round(engine)),
			Arrays.toString(round(command)));

		// The usual use: only voxels above the automatic background threshold (the body of the phantom).
		s.region = RegionChoice.THRESHOLD;
		FitMapsJob.run(imp, s, null, null); // warm-up of the threshold path
		FitMapsResult r = FitMapsJob.run(imp, s, null, null);
		System.out.printf("  threshold region (auto): %d voxels, job %.3f s (fitting %.3f s, gather + maps %.3f s)%n",
			r.region.voxelCount(), (r.gatherNanos + r.fitNanos + r.outputNanos) / 1e9, r.fitNanos / 1e9,
			(r.gatherNanos + r.outputNanos) / 1e9);
		float[] tissue = h.gather(r.region.masks(), r.region.voxelCount());
		for (FitMethod m : s.methods) {
			long m0 = System.nanoTime();
			BatchFit.fit(Ivim.fitter(m, b, options), tissue, threads, null, null);
			System.out.printf("    engine on these voxels, %-28s %.3f s%n", m.label(), (System.nanoTime() - m0) / 1e9);
		}
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}

	private static double[] round(double[] v) {
		double[] r = new double[v.length];
		for (int i = 0; i < v.length; i++) r[i] = Math.round(v[i] * 1000) / 1000.0;
		return r;
	}
}

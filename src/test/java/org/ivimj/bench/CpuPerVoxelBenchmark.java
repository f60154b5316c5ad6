package org.ivimj.bench;

import ij.ImagePlus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.VoxelFit;
import org.ivimj.phantom.IvimPhantom;

/**
 * CPU time per voxel of the voxel-wise fits on one thread, on every third voxel of the mixed phantom
 * ({@link MixedPhantomBenchmark#image}), best of 5: a figure that other jobs on a shared machine disturb
 * far less than wall-clock rates. Run with the class path of {@link MixedPhantomBenchmark}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ivimj.bench.CpuPerVoxelBenchmark [METHOD ...]
 * </pre>
 */
public final class CpuPerVoxelBenchmark {

	private CpuPerVoxelBenchmark() {}

	public static void main(String[] args) {
		String[] names = args.length > 0 ? args : new String[] {"BI_SEGMENTED", "BI_FREE", "STRETCHED"};
		ImagePlus imp = MixedPhantomBenchmark.image(7);
		double[] b = IvimPhantom.PAPER_B_VALUES;
		int nb = b.length, n = imp.getWidth() * imp.getHeight() * imp.getNSlices(), plane = imp.getWidth() * imp.getHeight();
		float[] s = new float[n * nb];
		for (int k = 0; k < nb; k++)
			for (int z = 0; z < imp.getNSlices(); z++) {
				float[] p = (float[]) imp.getStack().getPixels(imp.getStackIndex(1, z + 1, k + 1));
				for (int i = 0; i < plane; i++) s[(z * plane + i) * nb + k] = p[i];
			}
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		for (String name : names) {
			VoxelFit f = Ivim.fitter(FitMethod.valueOf(name), b, new FitOptions());
			FitResult r = f.newResult();
			double[] y = new double[nb];
			long best = Long.MAX_VALUE;
			int fitted = 0;
			for (int rep = 0; rep < 5; rep++) {
				long t0 = mx.getCurrentThreadCpuTime();
				fitted = 0;
				for (int v = 0; v < n; v += 3, fitted++) {
					for (int i = 0; i < nb; i++) y[i] = s[v * nb + i];
					f.fit(y, r);
				}
				best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
			}
			System.out.printf(Locale.ROOT, "%-14s %.2f us of CPU per voxel (%d voxels, best of 5)%n", name, best / 1e3 / fitted, fitted);
		}
	}
}

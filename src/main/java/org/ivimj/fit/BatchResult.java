package org.ivimj.fit;

import java.util.Arrays;

/** Per-voxel outputs of a {@link BatchFit}: one float array per parameter, standard error, R², status. */
public final class BatchResult {

	public final FitMethod method;
	public final int voxelCount;
	/** {@code parameters[p][v]}: parameter p of voxel v; NaN where the fit failed or was not reached. */
	public final float[][] parameters;
	/** {@code standardErrors[p][v]}. */
	public final float[][] standardErrors;
	public final float[] rSquared;
	/** Residual sum of squares per voxel (NaN where the fit failed; not set by the shrinkage fit). */
	public final float[] rss;
	/** {@link FitStatus#code()} per voxel; -1 where not reached (cancelled). */
	public final byte[] status;
	/** {@link FitReason#ordinal()} per voxel. */
	public final byte[] reason;
	/** Whether the run was cancelled before every voxel was fitted. */
	public volatile boolean cancelled;

	BatchResult(FitMethod method, int voxels) {
		this.method = method;
		this.voxelCount = voxels;
		int np = method.parameterCount();
		parameters = new float[np][voxels];
		standardErrors = new float[np][voxels];
		for (int p = 0; p < np; p++) {
			Arrays.fill(parameters[p], Float.NaN);
			Arrays.fill(standardErrors[p], Float.NaN);
		}
		rSquared = new float[voxels];
		Arrays.fill(rSquared, Float.NaN);
		rss = new float[voxels];
		Arrays.fill(rss, Float.NaN);
		status = new byte[voxels];
		Arrays.fill(status, (byte) -1);
		reason = new byte[voxels];
	}

	void store(int v, FitResult r) {
		for (int p = 0; p < parameters.length; p++) {
			parameters[p][v] = (float) r.parameters[p];
			standardErrors[p][v] = (float) r.standardErrors[p];
		}
		rSquared[v] = (float) r.rSquared;
		rss[v] = (float) r.rss;
		status[v] = (byte) r.status.code();
		reason[v] = (byte) r.reason.ordinal();
	}

	/** Number of voxels with the given status. */
	public int count(FitStatus s) {
		int n = 0;
		for (byte b : status)
			if (b == s.code()) n++;
		return n;
	}
}

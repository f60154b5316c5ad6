package org.ivimj.fit;

/**
 * Which voxels of a region touch which: 4-neighbours in a plane and, in a volume, 6-neighbours (the
 * slices above and below), in compressed rows ({@link #first}, {@link #list}). Voxels are numbered as
 * in the region's signal array. Also a two-colouring (chessboard, (x + y + z) odd or even): no voxel
 * touches one of its own colour, so each colour can be updated in parallel with the other held.
 */
public final class Neighbours {

	/** Neighbours of voxel v: {@code list[first[v] .. first[v + 1])}. */
	final int[] first, list;
	/** Voxels of colour 0, then colour 1: {@code byColour[0]}, {@code byColour[1]}. */
	final int[][] byColour;

	private Neighbours(int[] first, int[] list, int[][] byColour) {
		this.first = first;
		this.list = list;
		this.byColour = byColour;
	}

	public int voxelCount() {
		return first.length - 1;
	}

	/** Number of neighbour pairs (each pair once). */
	public int edgeCount() {
		return list.length / 2;
	}

	/**
	 * The neighbours of a region on a grid. {@code voxelAt[((g · depth + z) · height + y) · width + x]}
	 * is the region's voxel number at (x, y, slice z) of volume g (e.g. a time point), or −1 outside the
	 * region; its length is a multiple of width × height × depth. Voxels of different volumes never touch.
	 */
	public static Neighbours ofGrid(int[] voxelAt, int width, int height, int depth) {
		int plane = width * height, volume = plane * depth;
		if (volume == 0 || voxelAt.length % volume != 0) throw new IllegalArgumentException("The voxel map holds "
			+ voxelAt.length + " entries, not a multiple of " + width + " × " + height + " × " + depth);
		int voxels = 0;
		for (int v : voxelAt) voxels = Math.max(voxels, v + 1);
		int[] first = new int[voxels + 1];
		int[] colour = new int[voxels];
		int[] colourCount = new int[2];
		int[] nbr = new int[6];
		for (int i = 0; i < voxelAt.length; i++) {
			int v = voxelAt[i];
			if (v < 0) continue;
			int x = i % width, y = (i / width) % height, z = (i / plane) % depth;
			colour[v] = (x + y + z) & 1;
			colourCount[colour[v]]++;
			first[v + 1] = around(voxelAt, i, x, y, z, width, height, depth, nbr);
		}
		for (int v = 0; v < voxels; v++) first[v + 1] += first[v];
		int[] list = new int[first[voxels]];
		for (int i = 0; i < voxelAt.length; i++) {
			int v = voxelAt[i];
			if (v < 0) continue;
			int n = around(voxelAt, i, i % width, (i / width) % height, (i / plane) % depth, width, height, depth, nbr);
			System.arraycopy(nbr, 0, list, first[v], n);
		}
		int[][] byColour = {new int[colourCount[0]], new int[colourCount[1]]};
		int[] at = new int[2];
		for (int v = 0; v < voxels; v++) byColour[colour[v]][at[colour[v]]++] = v;
		return new Neighbours(first, list, byColour);
	}

	/** Writes the region voxels around grid index i into out; returns how many. */
	private static int around(int[] voxelAt, int i, int x, int y, int z, int width, int height, int depth, int[] out) {
		int plane = width * height, n = 0;
		if (x > 0 && voxelAt[i - 1] >= 0) out[n++] = voxelAt[i - 1];
		if (x < width - 1 && voxelAt[i + 1] >= 0) out[n++] = voxelAt[i + 1];
		if (y > 0 && voxelAt[i - width] >= 0) out[n++] = voxelAt[i - width];
		if (y < height - 1 && voxelAt[i + width] >= 0) out[n++] = voxelAt[i + width];
		if (z > 0 && voxelAt[i - plane] >= 0) out[n++] = voxelAt[i - plane];
		if (z < depth - 1 && voxelAt[i + plane] >= 0) out[n++] = voxelAt[i + plane];
		return n;
	}
}

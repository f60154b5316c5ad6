package org.ivimj.ij;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ivimj.fit.Neighbours;

/**
 * The neighbours of a region's voxels on the image grid, numbered as {@link DiffusionHyperstack#gather}
 * numbers them (position after position, pixels in raster order): 4-neighbours within a slice and the
 * same pixel on the slices above and below (6-neighbours); channels and time points are separate volumes.
 */
public final class RegionGrid {

	private RegionGrid() {}

	public static Neighbours neighbours(DiffusionHyperstack h, FitRegion region) {
		int w = h.width(), ht = h.height(), nz = h.mapSlices(), plane = w * ht;
		ArrayImg<UnsignedByteType, ?>[] masks = region.masks();
		int[] voxelAt = new int[plane * masks.length];
		java.util.Arrays.fill(voxelAt, -1);
		int v = 0;
		for (int p = 0; p < masks.length; p++) {
			if (masks[p] == null) continue;
			int[] czt = h.mapCoordinates(p);
			// Volume g = (frame, channel), slices contiguous inside it.
			int g = (czt[2] - 1) * h.mapChannels() + (czt[0] - 1);
			int offset = (g * nz + czt[1] - 1) * plane;
			Cursor<UnsignedByteType> c = masks[p].cursor();
			int i = 0;
			while (c.hasNext()) {
				if (c.next().get() != 0) voxelAt[offset + i] = v++;
				i++;
			}
		}
		return Neighbours.ofGrid(voxelAt, w, ht, nz);
	}
}

package org.ivimj.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A diffusion series arranged for IVIM: {@code frames} volumes (one per b-value, or per repeat when kept
 * apart) of {@code depth} slices ordered along the slice normal, each slice a float image of
 * {@code width x height} pixels stored row by row from the top-left, as ImageJ shows it.
 */
public final class DiffusionSeries {

	public final int width, height, depth;
	/** planes[frame][slice], each width * height floats. */
	public final float[][][] planes;
	/** One b-value (s/mm²) per frame. */
	public final double[] bValues;
	/** Voxel size in {@link #unit}. */
	public final double pixelWidth, pixelHeight, pixelDepth;
	public final String unit;
	/** Position in the scanner, or null when unknown. */
	public final NiftiGeometry geometry;
	/** What the importer left out or noticed (e.g. derived images), one line each. */
	public final List<String> notes;

	public DiffusionSeries(int width, int height, int depth, float[][][] planes, double[] bValues, double pixelWidth,
		double pixelHeight, double pixelDepth, String unit, NiftiGeometry geometry, List<String> notes)
	{
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.planes = planes;
		this.bValues = bValues;
		this.pixelWidth = pixelWidth;
		this.pixelHeight = pixelHeight;
		this.pixelDepth = pixelDepth;
		this.unit = unit;
		this.geometry = geometry;
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
	}

	/** Number of frames (volumes). */
	public int frames() {
		return planes.length;
	}
}

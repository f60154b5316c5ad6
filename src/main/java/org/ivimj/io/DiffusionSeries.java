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
	/**
	 * For a map the scanner computed (ADC, FA...), opened as what it is: its name (e.g. "ADC"); null for a
	 * diffusion series.
	 */
	public final String mapParameter;
	/** The map's value unit (e.g. "mm²/s"; empty when dimensionless or unknown); null for a diffusion series. */
	public final String mapUnit;

	public DiffusionSeries(int width, int height, int depth, float[][][] planes, double[] bValues, double pixelWidth,
		double pixelHeight, double pixelDepth, String unit, NiftiGeometry geometry, List<String> notes)
	{
		this(width, height, depth, planes, bValues, pixelWidth, pixelHeight, pixelDepth, unit, geometry, notes, null, null);
	}

	/** A series or, with {@code mapParameter} set, one of the scanner's own maps (one frame, no b-values). */
	public DiffusionSeries(int width, int height, int depth, float[][][] planes, double[] bValues, double pixelWidth,
		double pixelHeight, double pixelDepth, String unit, NiftiGeometry geometry, List<String> notes,
		String mapParameter, String mapUnit)
	{
		this.mapParameter = mapParameter;
		this.mapUnit = mapUnit;
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

package org.ivimj.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;

/** Everything {@link FitMapsJob} made: the maps, the optional hyperstack and table, and timings. */
public final class FitMapsResult {

	/** Maps in output order: per method its parameters, then R², standard errors and status if asked. */
	public final List<ImagePlus> maps;
	/** All maps as one hyperstack (a channel per map), or null. */
	public final ImagePlus hyperstack;
	/** The per-ROI table, or null when the region has no ROIs or no table was asked for. */
	public final ResultsTable table;
	/** The second reader's per-ROI table (same columns), or null without a second reader's ROI set. */
	public ResultsTable secondReaderTable;
	/** With the histogram option, the per-lesion table ({@link LesionHistograms#TITLE}); else null. */
	public ResultsTable lesionTable;
	/** With histogram_plot, the histogram plot of that parameter, lesions overlaid; else null. */
	public ImagePlus histogramPlot;
	public final FitRegion region;
	public final Map<FitMethod, BatchResult> fits;
	/** Nanoseconds spent building the region and reading its signals, fitting (engine), and building maps and table. */
	public final long gatherNanos, fitNanos, outputNanos;

	FitMapsResult(List<ImagePlus> maps, ImagePlus hyperstack, ResultsTable table, FitRegion region,
		Map<FitMethod, BatchResult> fits, long gatherNanos, long fitNanos, long outputNanos)
	{
		this.maps = Collections.unmodifiableList(maps);
		this.hyperstack = hyperstack;
		this.table = table;
		this.region = region;
		this.fits = Collections.unmodifiableMap(fits);
		this.gatherNanos = gatherNanos;
		this.fitNanos = fitNanos;
		this.outputNanos = outputNanos;
	}

	/** The map whose title starts with {@code <source>_<stem>}, e.g. stem "biseg_D"; null if none. */
	public ImagePlus map(String stem) {
		for (ImagePlus m : maps) {
			String t = m.getTitle();
			int i = t.lastIndexOf("_" + stem);
			if (i >= 0) {
				String rest = t.substring(i + 1 + stem.length());
				if (rest.isEmpty() || rest.startsWith(" (")) return m;
			}
		}
		return null;
	}
}

package org.ivimj.ij;

import org.ivimj.fit.FitMethod;

/**
 * The fixed names of IVIM-J outputs, shared by map titles and results-table columns so macros can
 * rely on them: a method prefix ({@code mono}, {@code mononl}, {@code biseg}, {@code bifree},
 * {@code bayes}, {@code stretched}, {@code kurtseg}, {@code kurtfree}, {@code dki}) and a parameter token ({@code S0}, {@code ADC}, {@code f}, {@code D},
 * {@code Dstar}, {@code DDC}, {@code alpha}), e.g. {@code biseg_Dstar}.
 */
public final class MapNames {

	private MapNames() {}

	/** Parameter token safe in titles, file names and column names ("D*" becomes "Dstar"). */
	public static String token(String parameter) {
		return parameter.replace("*", "star");
	}

	/** "biseg_Dstar" */
	public static String stem(FitMethod m, String parameter) {
		return m.prefix() + "_" + token(parameter);
	}

	/** A unit written without "/" or superscripts, safe in file names: "mm²/s" → "mm2 s-1"; "" for none. */
	public static String asciiUnit(String unit) {
		if (unit == null || unit.isEmpty() || unit.equals("a.u.")) return "";
		if (unit.equals("mm²/s")) return "mm2 s-1";
		return unit.replace("²", "2").replace("/", " per ");
	}

	/** Title of a map: "source_biseg_D (mm2 s-1)"; no unit part for dimensionless or arbitrary units. */
	public static String mapTitle(String source, String stem, String unit) {
		String u = asciiUnit(unit);
		return source + "_" + stem + (u.isEmpty() ? "" : " (" + u + ")");
	}

	/** The source title without a file extension. */
	public static String sourceName(String title) {
		String t = title.replaceAll("(?i)\\.(nii\\.gz|nii|tiff?|dcm|zip)$", "");
		return t.isEmpty() ? "image" : t;
	}
}

package org.ivimj.plugins;

import java.util.Locale;

/** Number formatting for the text columns of output tables. */
final class Format {

	private Format() {}

	/** 4 significant digits, no exponent for ordinary magnitudes. */
	static String g(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (v == 0) return "0";
		double a = Math.abs(v);
		if (a >= 1e-3 && a < 1e6) {
			int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
			return String.format(Locale.US, "%." + decimals + "f", v);
		}
		return String.format(Locale.US, "%.3e", v);
	}
}

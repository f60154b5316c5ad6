package org.ivimj.plugins;

import ij.IJ;
import ij.plugin.PlugIn;

/** Help › About Plugins › About IVIM-J: version, models and the conventions of every output. */
public class AboutCommand implements PlugIn {

	@Override
	public void run(String arg) {
		IJ.log(text());
	}

	/** The text shown, also used by tests and scripts. */
	public static String text() {
		Package pkg = AboutCommand.class.getPackage();
		String version = pkg == null || pkg.getImplementationVersion() == null ? "development build"
			: pkg.getImplementationVersion();
		return "IVIM-J " + version + "\n"
			+ "mono:      S(b) = S0 exp(-b ADC)\n"
			+ "bi-exp:    S(b) = S0 [(1 - f) exp(-b D) + f exp(-b D*)]   (D* is the full pseudo-diffusion"
			+ " coefficient, not an excess over D)\n"
			+ "stretched: S(b) = S0 exp(-(b DDC)^alpha)\n"
			+ "b in s/mm^2, diffusivities in mm^2/s; a voxel that cannot be fitted is NaN.";
	}
}

package org.ivimj.plugins;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Help › About Plugins › About IVIM-J: version, models and the conventions of every output, the method
 * papers to cite, licence and link.
 */
@Plugin(type = Command.class, label = "About IVIM-J...", description = "version, models, citations, licence",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## Menus"))
public class AboutCommand implements Command {

	@Parameter(type = ItemIO.OUTPUT, label = "About IVIM-J")
	public String about;

	@Override
	public void run() {
		about = text();
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
			+ "IVIM-kurtosis: S(b) = S0 [(1 - f) exp(-b D + b^2 D^2 K / 6) + f exp(-b D*)]\n"
			+ "b in s/mm^2, diffusivities in mm^2/s; a voxel that cannot be fitted is NaN.\n"
			+ "\n"
			+ "Please cite the methods you use:\n"
			+ "  IVIM: Le Bihan D et al. Radiology 1988;168:497-505.\n"
			+ "  Stretched exponential: Bennett KM et al. Magn Reson Med 2003;50:727-734.\n"
			+ "  Segmented fit and bounds: the OSIPI TF2.4 IVIM code collection conventions.\n"
			+ "  Bayesian shrinkage: Orton MR et al. Magn Reson Med 2014;71:411-420; Gustafsson O et al.\n"
			+ "    Magn Reson Med 2018;79:2203-2216.\n"
			+ "  Kurtosis term (DKI): Jensen JH et al. Magn Reson Med 2005;53:1432-1440.\n"
			+ "  Firth's logistic regression: Firth D. Biometrika 1993;80:27-38.\n"
			+ "  DeLong's ROC test: DeLong ER et al. Biometrics 1988;44:837-845.\n"
			+ "\n"
			+ "Licence: BSD 2-Clause. https://github.com/ivimj/ivim-j (docs/ for every command).";
	}
}

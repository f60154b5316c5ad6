package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import java.nio.file.Paths;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.BValueSources;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.OptionsDialog;

/**
 * Plugins › IVIM › Set b-values...: reads the b-values of the current image from a typed list, a text or
 * FSL .bval file, its slice labels ("b=800", "b800") or an image property; stores them, with the
 * dimension that holds them, in the image's properties (kept in saved TIFFs); logs them. Macro:
 * {@code run("Set b-values...", "source=[typed list] b-values=[0,50,100,200,800] dimension=automatic");}
 */
public class SetBValuesCommand implements PlugIn {

	public static final String TYPED = "typed list", FILE = "file", LABELS = "slice labels", PROPERTY = "image property";
	public static final String[] SOURCES = {TYPED, FILE, LABELS, PROPERTY};
	public static final String AUTOMATIC = "automatic";
	public static final String[] DIMENSIONS = {AUTOMATIC, "channels", "slices", "frames"};

	@Override
	public void run(String arg) {
		try {
			ImagePlus imp = WindowManager.getCurrentImage();
			if (imp == null) throw new IvimInputException("No image is open: open a diffusion series (one image per "
				+ "b-value) first.");
			double[] known = null;
			BDimension knownDim = null;
			try {
				known = BValueMetadata.bValues(imp);
				knownDim = BValueMetadata.dimension(imp);
			}
			catch (IvimInputException e) {
				// Corrupt stored b-values: this command is the remedy, so offer a fresh entry instead of refusing.
			}
			OptionsDialog gd = new OptionsDialog("Set b-values");
			gd.addChoice("source", SOURCES, known != null ? TYPED : labelsWork(imp) ? LABELS : TYPED);
			gd.addStringField("b-values", known == null ? "" : BValueText.format(known), 50);
			gd.addFileField("file", "");
			gd.addStringField("property", "bvalues", 20);
			gd.addChoice("dimension", DIMENSIONS, knownDim == null ? AUTOMATIC : knownDim.word());
			gd.addMessage("b in s/mm². Dimension: which of channels, slices or frames holds the b-values\n"
				+ "(automatic when only one fits). Kept with the image, also in saved TIFFs.");
			gd.addHelp(HelpPages.url("Set b-values..."));
			if (!gd.show()) return;
			String source = gd.getNextChoice();
			String list = gd.getNextString();
			String file = gd.getNextString();
			String property = gd.getNextString();
			String dim = gd.getNextChoice();
			double[] b = apply(imp, source, list, file, property, AUTOMATIC.equals(dim) ? null : BDimension.parse(dim));
			IJ.log("b-values of " + imp.getTitle() + " (" + BValueMetadata.dimension(imp).word() + ", s/mm²): "
				+ BValueText.format(b));
		}
		catch (IvimInputException e) {
			ImageJOutput.error(e.getMessage());
		}
	}

	/**
	 * Reads b-values from the source and stores them with the image; returns them. {@code dimension}
	 * null = detect.
	 */
	public static double[] apply(ImagePlus imp, String source, String list, String file, String property,
		BDimension dimension)
	{
		double[] b;
		BDimension dim;
		switch (source) {
			case FILE:
				if (file == null || file.trim().isEmpty()) throw new IvimInputException("No b-value file given: "
					+ "give file=[/path/to/series.bval].");
				b = BValueText.readFile(org.ivimj.ij.UserPaths.of(file, "file"));
				dim = BValueSources.dimensionFor(imp, b.length, dimension);
				break;
			case LABELS:
				b = BValueSources.fromSliceLabels(imp, dimension);
				dim = BValueSources.labelDimension(imp, dimension);
				break;
			case PROPERTY:
				b = BValueSources.fromProperty(imp, property);
				dim = BValueSources.dimensionFor(imp, b.length, dimension);
				break;
			case TYPED:
				b = BValueText.parseList(list);
				dim = BValueSources.dimensionFor(imp, b.length, dimension);
				break;
			default:
				throw new IvimInputException("Unknown source \"" + source + "\": use one of " + String.join(", ", SOURCES) + ".");
		}
		BValueMetadata.set(imp, b, dim);
		return b;
	}

	private static boolean labelsWork(ImagePlus imp) {
		try {
			BValueSources.fromSliceLabels(imp, null);
			return true;
		}
		catch (IvimInputException e) {
			return false;
		}
	}
}

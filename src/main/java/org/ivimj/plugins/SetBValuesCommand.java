package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Paths;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.BValueSources;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.IvimInputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Set b-values...: reads the b-values of the current image from a typed list, a text or
 * FSL .bval file, its slice labels ("b=800", "b800") or an image property; stores them, with the
 * dimension that holds them, in the image's properties (kept in saved TIFFs); logs them. Macro:
 * {@code run("Set b-values...", "source=[typed list] b-values=[0,50,100,200,800] dimension=automatic");}
 */
@Plugin(type = Command.class, label = "Set b-values...", description = "store the b-values with the image",
	initializer = "fromImage", attrs = @Attr(name = "help", value = "fiji-commands.md ## Set b-values..."))
public class SetBValuesCommand extends IvimCommand {

	public static final String TYPED = "typed list", FILE = "file", LABELS = "slice labels", PROPERTY = "image property";
	public static final String AUTOMATIC = "automatic";

	@Parameter(label = "Diffusion series", required = false, persist = false)
	public ImagePlus image;
	@Parameter(label = "Read the b-values from", choices = {TYPED, FILE, LABELS, PROPERTY}, persist = false)
	public String source = TYPED;
	@Parameter(label = "b-values (s/mm², comma-separated)", required = false, attrs = {@Attr(name = "columns", value = "50"),
		@Attr(name = "alias", value = "b-values")}, persist = false)
	public String b_values = "";
	@Parameter(label = "File (text or FSL .bval)", style = "file", required = false, persist = false)
	public String file = "";
	@Parameter(label = "Image property", persist = false)
	public String property = "bvalues";
	@Parameter(label = "Dimension holding the b-values (automatic when only one fits)", choices = {AUTOMATIC, "channels", "slices",
		"frames"}, persist = false)
	public String dimension = AUTOMATIC;

	@Parameter(type = ItemIO.OUTPUT, label = "b-values set")
	public double[] stored;

	/** Offers what the image already holds: its stored b-values, else its slice labels if they carry b. */
	protected void fromImage() {
		if (image == null) return;
		try {
			double[] known = BValueMetadata.bValues(image);
			if (known != null) {
				b_values = BValueText.format(known);
				dimension = BValueMetadata.dimension(image).word();
			}
			else if (labelsWork(image)) source = LABELS;
		}
		catch (IvimInputException e) {
			// Corrupt stored b-values: this command is the remedy, so offer a fresh entry instead of refusing.
		}
	}

	@Override
	void execute() {
		if (image == null) throw new CommandException("No image is open: open a diffusion series (one image per b-value) first.");
		stored = apply(image, source, b_values, file, property, AUTOMATIC.equals(dimension) ? null : BDimension.parse(dimension));
		IJ.log("b-values of " + image.getTitle() + " (" + BValueMetadata.dimension(image).word() + ", s/mm²): "
			+ BValueText.format(stored));
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
				throw new IvimInputException("Unknown source \"" + source + "\": use one of " + String.join(", ", TYPED, FILE, LABELS, PROPERTY) + ".");
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

package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.BvalFile;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.NiftiGeometry;
import org.ivimj.io.NiftiWriter;
import org.ivimj.ij.ChoiceSource;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Save as NIfTI...: saves the current image (a parameter map, or a whole hyperstack)
 * as float32 NIfTI-1 (.nii, or .nii.gz when the name ends so), with its position in the scanner taken
 * from the image itself or from another open image (e.g. the imported series the map was fitted from),
 * and an FSL .bval beside it when the image has b-values along frames.
 * <p>
 * Macro: {@code run("Save as NIfTI...", "save=/out/D.nii.gz geometry=[dwi]");} where geometry is
 * "this image" (default) or the title of an open image.
 */
@Plugin(type = Command.class, label = "Save as NIfTI...", description = "an image or map as NIfTI-1 with its scanner geometry",
	attrs = @Attr(name = "help", value = "import.md ## Save as NIfTI..."))
public class SaveNiftiCommand extends IvimCommand implements ChoiceSource {

	static final String TITLE = "Save as NIfTI";
	static final String THIS_IMAGE = "this image";

	@Parameter(label = "Image to save", required = false, persist = false)
	public ImagePlus image;
	@Parameter(label = "NIfTI file (.nii, or .nii.gz compressed)", style = "file", initializer = "suggestPath", persist = false)
	public String save = "";
	@Parameter(label = "Position in the scanner from (this image, or an open image's title)", style = "choice", persist = false)
	public String geometry = THIS_IMAGE;
	@Parameter(label = "Image whose geometry to use (scripts; else the geometry option decides)", required = false, persist = false)
	public ImagePlus geometry_image;

	@Parameter(type = ItemIO.OUTPUT, label = "File written")
	public String written;

	/** The default file: beside the image's own file, named after it. */
	protected void suggestPath() {
		if (image != null && (save == null || save.isEmpty())) save = defaultPath(image);
	}

	@Override
	public String[] choices(String parameter) {
		if (!parameter.equals("geometry")) return null;
		List<String> titles = new ArrayList<>();
		titles.add(THIS_IMAGE);
		int[] ids = WindowManager.getIDList();
		if (ids != null)
			for (int id : ids) {
				ImagePlus other = WindowManager.getImage(id);
				if (other != null && other != image && !titles.contains(other.getTitle())) titles.add(other.getTitle());
			}
		if (geometry != null && !titles.contains(geometry) && WindowManager.getImage(geometry) != null) titles.add(geometry);
		return titles.toArray(new String[0]);
	}

	@Override
	void execute() {
		if (image == null) throw new CommandException("No image is open: there is nothing to save.");
		if (save == null || save.trim().isEmpty()) throw new CommandException("No file given: use save=/path/to/map.nii.gz.");
		Path path = org.ivimj.ij.UserPaths.of(save, "save");
		String name = path.getFileName().toString().toLowerCase();
		if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) path = path.resolveSibling(path.getFileName() + ".nii");
		try {
			save(image, path, geometry_image != null ? geometry_image : geometrySource(image, geometry));
		}
		catch (IvimImportException | IllegalArgumentException e) {
			throw new CommandException(e.getMessage());
		}
		catch (IOException e) {
			throw new CommandException(path + ": cannot be written (" + e + ")");
		}
		written = path.toString();
		IJ.log("IVIM-J: wrote " + written);
	}

	private static ImagePlus geometrySource(ImagePlus imp, String choice) {
		if (choice == null || choice.trim().isEmpty() || choice.equalsIgnoreCase(THIS_IMAGE)) return imp;
		ImagePlus other = WindowManager.getImage(choice.trim());
		if (other == null) throw new IllegalArgumentException("geometry=" + choice + ": no open image has that title.");
		return other;
	}

	/**
	 * Writes the image with the position in the scanner stored with {@code geometryFrom} (the image itself,
	 * another open image, or null for none). Another image of a different x, y, z size is an error; a
	 * geometry recorded for another size (the image was cropped or resized) is not written.
	 */
	public static void save(ImagePlus imp, Path path, ImagePlus geometryFrom) throws IOException {
		if (imp.getBitDepth() == 24) throw new IllegalArgumentException(imp.getTitle()
			+ ": RGB images cannot be saved as NIfTI maps; convert to 32-bit first.");
		Calibration cal = imp.getCalibration();
		double scale = unitToMm(cal.getUnit());
		double[] voxel = { cal.pixelWidth * scale, cal.pixelHeight * scale, cal.pixelDepth * scale };
		if (geometryFrom != null && geometryFrom != imp && (geometryFrom.getWidth() != imp.getWidth()
			|| geometryFrom.getHeight() != imp.getHeight() || geometryFrom.getNSlices() != imp.getNSlices()))
			throw new IllegalArgumentException(geometryFrom.getTitle() + " is " + geometryFrom.getWidth() + " x "
				+ geometryFrom.getHeight() + " x " + geometryFrom.getNSlices() + " but " + imp.getTitle() + " is "
				+ imp.getWidth() + " x " + imp.getHeight() + " x " + imp.getNSlices() + ": its geometry does not apply");
		NiftiGeometry geometry = geometryFrom == null ? null
			: DiffusionImages.geometryFor(geometryFrom, imp.getWidth(), imp.getHeight(), imp.getNSlices());
		if (geometryFrom != null && geometry == null && geometryFrom.getProp(DiffusionImages.GEOMETRY_KEY) != null)
			IJ.log(TITLE + ": " + geometryFrom.getTitle() + " was cropped or resized since import; " + path.getFileName()
				+ " is written without a position in the scanner (qform/sform codes 0)");
		NiftiWriter.write(path, imp.getWidth(), imp.getHeight(), DiffusionImages.volumes(imp), voxel, geometry,
			"IVIM-J " + imp.getTitle());
		double[] b = BValueMetadata.bValues(imp);
		if (b != null && BValueMetadata.dimension(imp) == BDimension.FRAMES && imp.getNChannels() == 1
			&& b.length == imp.getNFrames())
			BvalFile.write(BvalFile.besideNifti(path), b);
	}

	private static double unitToMm(String unit) {
		if (unit == null) return 1;
		switch (unit.trim().toLowerCase()) {
			case "cm": return 10;
			case "m": case "meter": case "metre": return 1000;
			case "micron": case "um": case "\u00b5m": case "microns": return 0.001;
			default: return 1;
		}
	}

	private static String defaultPath(ImagePlus imp) {
		String dir = imp.getOriginalFileInfo() != null && imp.getOriginalFileInfo().directory != null
			? imp.getOriginalFileInfo().directory : "";
		return dir + imp.getTitle().replaceAll("[\\\\/:*?\"<>|]", "_") + ".nii.gz";
	}
}

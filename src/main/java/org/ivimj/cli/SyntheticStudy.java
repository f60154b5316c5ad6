package org.ivimj.cli;

import ij.gui.Roi;
import ij.io.RoiEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ivimj.ij.Commands;
import org.ivimj.ij.IvimInputException;
import org.ivimj.plugins.PhantomCommand;
import org.ivimj.plugins.SaveNiftiCommand;
import org.scijava.module.Module;

/**
 * The {@code phantom} verb: a synthetic study folder made by the IVIM Phantom command (lesion values
 * drawn from the seed paper's Table 1 mean ± SD, the seed as the patient) and Save as NIfTI:
 * {@code dwi.nii.gz}, {@code dwi.bval}, and the chosen lesion's ROI on the middle slice as drawn by two
 * readers ({@code reader1.zip}; {@code reader2.zip} one pixel off and smaller, as a second reader differs).
 */
final class SyntheticStudy {

	private SyntheticStudy() {}

	static void write(Map<String, String> o) {
		Main.known(o, "phantom", "out", "seed", "lesion", "slices", "snr", "b-values");
		Path out = Paths.get(Main.required(o, "out")).toAbsolutePath();
		String lesion = Main.required(o, "lesion").toLowerCase();
		String roiName = lesion.startsWith("spond") || lesion.startsWith("tub") ? "tuberculous spondylitis"
			: lesion.startsWith("meta") ? "spinal metastasis" : null;
		if (roiName == null) throw new CliException("--lesion " + lesion + ": use spondylitis or metastasis.");
		long seed;
		try {
			seed = Long.parseLong(Main.required(o, "seed"));
		}
		catch (NumberFormatException e) {
			throw new CliException("--seed " + o.get("seed") + ": give a whole number.");
		}
		String options = "slices=" + o.getOrDefault("slices", "3") + " snr=" + o.getOrDefault("snr", "40") + " seed=" + seed
			+ " add_rois patient_variation" + (o.containsKey("b-values") ? " b-values=[" + o.get("b-values") + "]" : "");
		try {
			Files.createDirectories(out);
		}
		catch (IOException e) {
			throw new CliException(out + ": cannot be created (" + e.getMessage() + ").");
		}
		Roi lesionRoi = null;
		try {
			Module phantom = Commands.run(PhantomCommand.class, options);
			Commands.run(SaveNiftiCommand.class, "save=[" + out.resolve("dwi.nii.gz") + "]",
				Map.of("image", phantom.getOutput("phantom")));
			for (Roi roi : (Roi[]) phantom.getOutput("rois"))
				if (roiName.equals(roi.getName())) lesionRoi = roi;
		}
		catch (IvimInputException e) {
			throw new CliException(e.getMessage());
		}
		if (lesionRoi == null) throw new CliException("the phantom has no ROI \"" + roiName + "\".");
		// One section per lesion, as the seed's protocol draws it: the middle slice.
		int slices = Integer.parseInt(o.getOrDefault("slices", "3").trim()), middle = (slices + 1) / 2;
		lesionRoi = (Roi) lesionRoi.clone();
		lesionRoi.setPosition(0, middle, 0);
		java.awt.Rectangle r = lesionRoi.getBounds();
		Roi second = new ij.gui.OvalRoi(r.x + 1, r.y + 1, Math.max(2, r.width - 2), Math.max(2, r.height - 2));
		second.setName(roiName);
		second.setPosition(lesionRoi.getCPosition(), lesionRoi.getZPosition(), lesionRoi.getTPosition());
		try {
			zip(out.resolve("reader1.zip"), lesionRoi);
			zip(out.resolve("reader2.zip"), second);
		}
		catch (IOException e) {
			throw new CliException(out + ": cannot be written (" + e.getMessage() + ").");
		}
		System.out.println("IVIM-J: synthetic study (" + roiName + ", seed " + seed + ") -> " + out);
	}

	private static void zip(Path file, Roi roi) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			new RoiEncoder(bytes).write(roi);
			z.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
			z.write(bytes.toByteArray());
			z.closeEntry();
		}
	}
}

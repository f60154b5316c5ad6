package org.ivimj.cli;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.ResultsTable;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.BValueText;
import org.ivimj.ij.Commands;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.IvimResultsTable;
import org.ivimj.plugins.FitMapsCommand;
import org.ivimj.plugins.ImportDicomDiffusionCommand;
import org.ivimj.plugins.ImportNiftiCommand;
import org.ivimj.plugins.SaveNiftiCommand;
import org.scijava.module.Module;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;

/**
 * The {@code fit} verb: one study folder through the Fiji commands, with the option keys a lab-notebook
 * macro uses (import, Fit IVIM Maps with the user's own options and the study's ROI set, Save as NIfTI),
 * run through {@link Commands} (no display, no menus, no ROI Manager), its outputs written to a hidden folder that is renamed into place only when complete.
 */
final class StudyRun {

	private StudyRun() {}

	static final String DEFAULT_FIT = "mono segmented free stretched";

	static void fit(Map<String, String> o) {
		Main.known(o, "fit", "study", "out", "fit", "format");
		Path study = Paths.get(Main.required(o, "study")).toAbsolutePath().normalize();
		Path out = Paths.get(Main.required(o, "out")).toAbsolutePath().normalize();
		String fit = o.getOrDefault("fit", DEFAULT_FIT).trim();
		String format = o.getOrDefault("format", "nifti").trim().toLowerCase();
		if (!format.equals("nifti") && !format.equals("tiff"))
			throw new CliException("--format " + format + ": use nifti or tiff.");
		for (String key : new String[] {"region=", "reader2=", "table"})
			if ((" " + fit + " ").contains(" " + key)) throw new CliException("--fit: leave out " + key.replace("=", "")
				+ ": the runner sets the region from the study's ROI sets or mask.");
		StudyFolder in = StudyFolder.of(study);
		Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
		try {
			deleteTree(partial);
			Files.createDirectories(partial);
			long t0 = System.nanoTime();
			Path rois = in.reader1 != null ? in.reader1 : in.mask != null ? maskRois(in.mask, partial) : null;
			// The same commands and option keys as a lab-notebook macro, run through Commands: no display,
			// no menus, no ROI Manager (the ROI sets are passed as files).
			ImagePlus dwi = in.nifti != null
				? output(Commands.run(ImportNiftiCommand.class, "open=[" + in.nifti + "] bval=[" + in.bval + "]"), "series")
				: output(Commands.run(ImportDicomDiffusionCommand.class, "folder=[" + in.dicom + "]"), "series");
			String bvalues = BValueText.format(BValueMetadata.bValues(dwi)).replace(" ", "");
			String options = fitOptions(fit, rois, in);
			long f0 = System.nanoTime();
			Module fitted = Commands.run(FitMapsCommand.class, options + " maps=[single images]", Map.of("image", dwi));
			double fitSeconds = (System.nanoTime() - f0) / 1e9;
			ResultsTable results = (ResultsTable) fitted.getOutput("results");
			if (results != null) IvimResultsTable.of(results).saveAs(partial.resolve("roi_table.csv").toString());
			ResultsTable both = (ResultsTable) fitted.getOutput("readers");
			if (both != null) IvimResultsTable.of(both).saveAs(partial.resolve("readers_combined.csv").toString());
			for (ImagePlus map : (ImagePlus[]) fitted.getOutput("map_images")) {
				String name = map.getTitle().replaceAll(" \\(.*\\)", "").replace(' ', '_');
				if (format.equals("nifti")) Commands.run(SaveNiftiCommand.class, "save=[" + partial.resolve(name + ".nii.gz") + "]",
					Map.of("image", map, "geometry_image", dwi));
				else if (!new FileSaver(map).saveAsTiff(partial.resolve(name + ".tif").toString()))
					throw new CliException(partial.resolve(name + ".tif") + ": cannot be written.");
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("product", "IVIM-J");
			json.put("version", version());
			json.put("study", study.toString());
			json.put("inputs", in.describe());
			json.put("fit_options", options);
			json.put("format", format);
			json.put("b_values", bvalues);
			json.put("fit_seconds", fitSeconds);
			json.put("total_seconds", seconds);
			json.put("outputs", listing(partial));
			Files.write(partial.resolve("ivimj.json"), Json.object(json).getBytes(StandardCharsets.UTF_8));
			deleteTree(out);
			Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
			System.out.println("IVIM-J: " + study + " -> " + out);
		}
		catch (IvimInputException e) {
			try {
				deleteTree(partial);
			}
			catch (IOException ignored) {
				// the original problem is the one to report
			}
			throw new CliException(e.getMessage());
		}
		catch (IOException e) {
			try {
				deleteTree(partial);
			}
			catch (IOException ignored) {
				// the original problem is the one to report
			}
			throw new CliException(out + ": cannot be written (" + e.getMessage() + ").");
		}
	}

	/** Fit IVIM Maps' options for a study: the user's, the region from its ROI set (or the whole image), the second reader's set. */
	static String fitOptions(String fit, Path rois, StudyFolder in) {
		return fit + (rois != null ? " roi_set=[" + rois + "] table" : " region=[whole image]")
			+ (in.reader2 != null && rois != null ? " reader2=[" + in.reader2 + "]" : "");
	}

	private static ImagePlus output(Module m, String name) {
		ImagePlus imp = (ImagePlus) m.getOutput(name);
		if (imp == null) throw new CliException(Commands.class.getSimpleName() + ": no " + name + " was made.");
		return imp;
	}

	/** The mask's non-zero voxels as one ROI per slice (named "mask"), saved as an ROI set in {@code dir}. */
	static Path maskRois(Path mask, Path dir) throws IOException {
		NiftiImage img;
		try {
			img = NiftiReader.read(mask);
		}
		catch (IvimImportException e) {
			throw new CliException(e.getMessage());
		}
		Path zip = dir.resolve(".mask_rois.zip");
		int n = 0;
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (int s = 0; s < img.depth; s++) {
				ByteProcessor bp = new ByteProcessor(img.width, img.height);
				boolean any = false;
				float[] plane = img.volumes[0][s];
				for (int i = 0; i < plane.length; i++)
					if (plane[i] != 0) {
						bp.set(i, 255);
						any = true;
					}
				if (!any) continue;
				bp.setThreshold(255, 255, ij.process.ImageProcessor.NO_LUT_UPDATE);
				Roi roi = ThresholdToSelection.run(new ij.ImagePlus("mask", bp));
				roi.setName("mask");
				roi.setPosition(0, s + 1, 0);
				z.putNextEntry(new ZipEntry(String.format("mask-%04d.roi", s + 1)));
				RoiEncoder enc = new RoiEncoder(new NonClosing(z));
				enc.write(roi);
				z.closeEntry();
				n++;
			}
		}
		if (n == 0) throw new CliException(mask + ": the mask has no non-zero voxel.");
		return zip;
	}

	/** Lets RoiEncoder write a zip entry without closing the zip. */
	private static final class NonClosing extends java.io.FilterOutputStream {
		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}

	static String version() {
		Package p = StudyRun.class.getPackage();
		return p == null || p.getImplementationVersion() == null ? "development build" : p.getImplementationVersion();
	}

	private static List<String> listing(Path dir) throws IOException {
		List<String> names = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(names::add);
		}
		return names;
	}

	static void deleteTree(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(q);
		}
	}
}

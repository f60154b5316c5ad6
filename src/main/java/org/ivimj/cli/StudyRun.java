package org.ivimj.cli;

import ij.IJ;
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

import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimResultsTable;
import org.ivimj.ij.IvimTables;
import org.ivimj.io.IvimImportException;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;

/**
 * The {@code fit} verb: one study folder through the Fiji commands, as a lab-notebook macro would run
 * them (import, ROIs into the ROI Manager, Fit IVIM Maps with the user's own macro options, Save as
 * NIfTI), its outputs written to a hidden folder that is renamed into place only when complete.
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
			StringBuilder m = new StringBuilder();
			m.append("setBatchMode(true);\nroiManager(\"reset\");\n");
			if (in.nifti != null) m.append("run(\"NIfTI Diffusion (IVIM)...\", \"open=[").append(in.nifti).append("] bval=[")
				.append(in.bval).append("]\");\n");
			else m.append("run(\"DICOM Diffusion Series (IVIM)...\", \"folder=[").append(in.dicom).append("]\");\n");
			m.append("dwi = getTitle();\n");
			m.append("File.saveString(Property.get(\"IVIM.bvalues\"), \"").append(partial.resolve(".bvalues")).append("\");\n");
			if (rois != null) m.append("roiManager(\"open\", \"").append(rois).append("\");\n");
			m.append("t0 = getTime();\n");
			m.append("run(\"Fit IVIM Maps...\", \"").append(fit.replace("\"", "\\\"")).append(rois != null
				? " region=[ROI Manager (all)] table" : " region=[whole image]").append(in.reader2 != null && rois != null
				? " reader2=[" + in.reader2 + "]" : "").append("\");\n");
			m.append("File.saveString(\"\" + (getTime() - t0), \"").append(partial.resolve(".fit_ms")).append("\");\n");
			if (rois != null) m.append("saveAs(\"Results\", \"").append(partial.resolve("roi_table.csv")).append("\");\n");
			m.append("for (i = 1; i <= nImages; i++) {\n  selectImage(i);\n  t = getTitle();\n  if (t == dwi) continue;\n")
				.append("  name = replace(replace(t, \" \\\\(.*\\\\)\", \"\"), \" \", \"_\");\n");
			if (format.equals("nifti")) m.append("  run(\"Save as NIfTI...\", \"save=[").append(partial).append("/\" + name + \".nii.gz] geometry=[\" + dwi + \"]\");\n");
			else m.append("  saveAs(\"Tiff\", \"").append(partial).append("/\" + name + \".tif\");\n  rename(t);\n");
			m.append("}\n");
			int errors = ImageJOutput.errorCount();
			IvimTables.clear();
			String result = IJ.runMacro(m.toString());
			if (ImageJOutput.errorCount() > errors || "[aborted]".equals(result)) {
				deleteTree(partial);
				if (ImageJOutput.errorCount() == errors) throw new CliException(study + ": the run stopped without a message.");
				return;
			}
			if (in.reader2 != null && rois != null) {
				ResultsTable both = IvimTables.find("IVIM Readers Combined");
				if (both != null) IvimResultsTable.of(both).saveAs(partial.resolve("readers_combined.csv").toString());
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			String bvalues = read(partial.resolve(".bvalues")), fitMs = read(partial.resolve(".fit_ms"));
			Files.deleteIfExists(partial.resolve(".bvalues"));
			Files.deleteIfExists(partial.resolve(".fit_ms"));
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("product", "IVIM-J");
			json.put("version", version());
			json.put("study", study.toString());
			json.put("inputs", in.describe());
			json.put("fit_options", fit + (rois != null ? " region=[ROI Manager (all)] table" : " region=[whole image]")
				+ (in.reader2 != null && rois != null ? " reader2=[" + in.reader2 + "]" : ""));
			json.put("format", format);
			json.put("b_values", bvalues);
			json.put("fit_seconds", Double.parseDouble(fitMs.isEmpty() ? "NaN" : fitMs) / 1000);
			json.put("total_seconds", seconds);
			json.put("outputs", listing(partial));
			Files.write(partial.resolve("ivimj.json"), Json.object(json).getBytes(StandardCharsets.UTF_8));
			deleteTree(out);
			Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
			System.out.println("IVIM-J: " + study + " -> " + out);
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

	private static String read(Path p) throws IOException {
		return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8).trim() : "";
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

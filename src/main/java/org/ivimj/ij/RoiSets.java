package org.ivimj.ij;

import ij.gui.Roi;
import ij.io.RoiDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an ROI set as the ROI Manager saves it ({@code RoiSet.zip}) or a single {@code .roi} file,
 * without the ROI Manager (so it works headless). ROI names come from the entries (as the ROI
 * Manager names them) unless the ROI carries its own name.
 */
public final class RoiSets {

	private RoiSets() {}

	public static List<Roi> read(Path file) {
		if (file == null || !Files.isRegularFile(file)) throw new IvimInputException("ROI set \"" + file
			+ "\" not found: give the path of a RoiSet.zip saved from the ROI Manager (or a .roi file).");
		List<Roi> rois = new ArrayList<>();
		try {
			if (file.getFileName().toString().toLowerCase().endsWith(".roi")) {
				rois.add(decode(Files.readAllBytes(file), file.getFileName().toString(), file));
				return rois;
			}
			try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
				for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
					if (e.isDirectory() || !e.getName().toLowerCase().endsWith(".roi")) continue;
					rois.add(decode(zip.readAllBytes(), e.getName(), file));
				}
			}
		}
		catch (IOException e) {
			throw new IvimInputException("Cannot read ROI set \"" + file + "\": " + e.getMessage());
		}
		if (rois.isEmpty()) throw new IvimInputException("ROI set \"" + file + "\" holds no ROIs: save one from the ROI "
			+ "Manager (More › Save...).");
		return rois;
	}

	/** Each ROI's name, or "ROI n" (1-based) for an unnamed one. */
	public static List<String> names(List<Roi> rois) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < rois.size(); i++) {
			String n = rois.get(i).getName();
			names.add(n == null || n.isEmpty() ? "ROI " + (i + 1) : n);
		}
		return names;
	}

	private static Roi decode(byte[] bytes, String entry, Path file) {
		Roi roi = RoiDecoder.openFromByteArray(bytes);
		if (roi == null) throw new IvimInputException("\"" + entry + "\" in \"" + file + "\" is not an ImageJ ROI.");
		if (roi.getName() == null || roi.getName().isEmpty()) roi.setName(entry.replaceAll("(?i)\\.roi$", ""));
		return roi;
	}
}

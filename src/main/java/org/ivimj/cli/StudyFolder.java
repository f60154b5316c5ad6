package org.ivimj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ivimj.io.BvalFile;

/**
 * What a study folder holds: a DICOM series (the folder itself or its {@code dicom/} subfolder) or one
 * NIfTI series with its .bval; the first reader's ROI set ({@code reader1.zip} or {@code RoiSet.zip}),
 * the second's ({@code reader2.zip}), or a mask ({@code mask.nii[.gz]}).
 */
final class StudyFolder {

	final Path folder;
	Path nifti, bval, dicom, reader1, reader2, mask;

	private StudyFolder(Path folder) {
		this.folder = folder;
	}

	static StudyFolder of(Path folder) {
		if (!Files.isDirectory(folder)) throw new CliException(folder + ": no such study folder.");
		StudyFolder s = new StudyFolder(folder);
		List<Path> niftis = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path p : (Iterable<Path>) files.sorted()::iterator) {
				String n = p.getFileName().toString().toLowerCase();
				if (n.equals("mask.nii") || n.equals("mask.nii.gz")) s.mask = p;
				else if (n.endsWith(".nii") || n.endsWith(".nii.gz")) niftis.add(p);
				else if (n.equals("reader1.zip") || n.equals("roiset.zip")) s.reader1 = s.reader1 == null ? p : s.reader1;
				else if (n.equals("reader2.zip")) s.reader2 = p;
			}
		}
		catch (IOException e) {
			throw new CliException(folder + ": cannot be read (" + e.getMessage() + ").");
		}
		if (niftis.size() > 1) throw new CliException(folder + ": holds " + niftis.size() + " NIfTI series ("
			+ niftis.get(0).getFileName() + ", " + niftis.get(1).getFileName() + ", ...): keep one study per folder.");
		if (niftis.size() == 1) {
			s.nifti = niftis.get(0);
			s.bval = BvalFile.besideNifti(s.nifti);
			if (!Files.isRegularFile(s.bval)) throw new CliException(s.nifti + ": no b-value file " + s.bval.getFileName()
				+ " beside it: give the .bval of the series.");
		}
		else if (Files.isDirectory(folder.resolve("dicom"))) s.dicom = folder.resolve("dicom");
		else s.dicom = folder;
		if (s.reader2 != null && s.reader1 == null) throw new CliException(folder + ": reader2.zip without reader1.zip: "
			+ "the second reader is compared with the first.");
		if (s.reader1 != null && s.mask != null) throw new CliException(folder + ": both ROI sets and a mask: keep one region.");
		return s;
	}

	Map<String, Object> describe() {
		Map<String, Object> m = new LinkedHashMap<>();
		if (nifti != null) {
			m.put("nifti", nifti.toString());
			m.put("bval", bval.toString());
		}
		if (dicom != null) m.put("dicom", dicom.toString());
		if (reader1 != null) m.put("reader1", reader1.toString());
		if (reader2 != null) m.put("reader2", reader2.toString());
		if (mask != null) m.put("mask", mask.toString());
		return m;
	}
}

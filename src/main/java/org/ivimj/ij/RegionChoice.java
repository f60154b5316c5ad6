package org.ivimj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Where to fit, as offered in the Fit IVIM Maps dialog (macro key {@code region=}). AUTOMATIC takes the
 * ROI Manager's ROIs if it has any, else the image's area selection, else the voxels above the
 * background threshold on the lowest-b image.
 */
public enum RegionChoice {
	AUTOMATIC("automatic"),
	ROI_MANAGER_ALL("ROI Manager (all)"),
	ROI_MANAGER_SELECTED("ROI Manager (selected)"),
	SELECTION("selection"),
	THRESHOLD("threshold"),
	WHOLE_IMAGE("whole image");

	private final String label;

	RegionChoice(String label) {
		this.label = label;
	}

	/** The dialog and macro word, e.g. "ROI Manager (all)". */
	public String label() {
		return label;
	}

	public static String[] labels() {
		String[] s = new String[values().length];
		for (int i = 0; i < s.length; i++) s[i] = values()[i].label;
		return s;
	}

	public static RegionChoice parse(String label) {
		for (RegionChoice c : values())
			if (c.label.equalsIgnoreCase(label.trim())) return c;
		throw new IvimInputException("Unknown region \"" + label + "\": use one of " + String.join(", ", labels()) + ".");
	}

	/**
	 * Builds the region for an image; {@code threshold} NaN = automatic. Reads the ROI Manager and the
	 * image's selection without changing either.
	 */
	public FitRegion build(DiffusionHyperstack h, double threshold) {
		ImagePlus imp = h.image();
		RoiManager rm = RoiManager.getInstance();
		switch (this) {
			case ROI_MANAGER_ALL:
			case ROI_MANAGER_SELECTED: {
				if (rm == null || rm.getCount() == 0) throw new IvimInputException("The ROI Manager is empty: add "
					+ "lesion ROIs to it (roiManager(\"add\") in a macro), or choose region=selection or region=threshold.");
				int[] indexes;
				if (this == ROI_MANAGER_ALL) {
					indexes = new int[rm.getCount()];
					for (int i = 0; i < indexes.length; i++) indexes[i] = i;
				}
				else {
					indexes = rm.getSelectedIndexes();
					if (indexes.length == 0) throw new IvimInputException("No ROI is selected in the ROI Manager: select "
						+ "ROIs (roiManager(\"select\", index)) or choose region=[ROI Manager (all)].");
				}
				List<Roi> rois = new ArrayList<>();
				List<String> names = new ArrayList<>();
				for (int i : indexes) {
					if (NoiseSource.isBackground(rm.getName(i))) continue; // marks noise, not a lesion
					rois.add(rm.getRoi(i));
					names.add(rm.getName(i));
				}
				if (rois.isEmpty()) throw new IvimInputException("The ROI Manager holds only background ROIs: add lesion "
					+ "ROIs (any name not starting with \"background\").");
				return FitRegion.ofRois(h, rois, names, label + ": " + String.join(", ", names));
			}
			case SELECTION: {
				Roi roi = imp.getRoi();
				if (roi == null) throw new IvimInputException("\"" + imp.getTitle() + "\" has no selection: draw one, "
					+ "or choose another region (ROI Manager, threshold).");
				String name = roi.getName() == null ? "selection" : roi.getName();
				List<Roi> rois = new ArrayList<>();
				rois.add(roi);
				List<String> names = new ArrayList<>();
				names.add(name);
				return FitRegion.ofRois(h, rois, names, "selection " + name);
			}
			case THRESHOLD:
				return FitRegion.ofThreshold(h, threshold);
			case WHOLE_IMAGE:
				return FitRegion.whole(h);
			default:
				if (rm != null && rm.getCount() > 0) return ROI_MANAGER_ALL.build(h, threshold);
				if (imp.getRoi() != null && imp.getRoi().isArea()) return SELECTION.build(h, threshold);
				return FitRegion.ofThreshold(h, threshold);
		}
	}
}

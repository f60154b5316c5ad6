package org.ivimj.plugins;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

import org.ivimj.ij.BValueText;
import org.ivimj.ij.HeadlessRoiManager;
import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.OptionsDialog;
import org.ivimj.ij.PhantomImage;
import org.ivimj.phantom.IvimPhantom;

/**
 * Plugins › IVIM › IVIM Phantom...: makes the bundled test series (128 × 128, the paper's ten b-values or
 * a protocol to test, lesions from its Table 1, Rician noise) and adds its lesion ROIs to the ROI
 * Manager. Macro: {@code run("IVIM Phantom...", "slices=5 snr=50 seed=1 add_rois");}
 */
public class PhantomCommand implements PlugIn {

	@Override
	public void run(String arg) {
		try {
			OptionsDialog gd = new OptionsDialog("IVIM Phantom");
			gd.addNumericField("slices", 5, 0, 4, "");
			gd.addNumericField("snr (at b=0, S0=1000; 0 = no noise)", 50, 1, 6, "");
			gd.addNumericField("seed", 1, 0, 8, "");
			gd.addStringField("b-values (s/mm²; the protocol to test)", BValueText.format(IvimPhantom.PAPER_B_VALUES), 50);
			gd.addCheckbox("add_rois (lesion ROIs to the ROI Manager)", true);
			gd.addCheckbox("patient_variation (lesion values drawn from Table 1 mean ± SD; seed = patient)", false);
			gd.addMessage("Lesions: tuberculous spondylitis (f 0.45, D 0.77e-3, D* 21.96e-3 mm²/s) and spinal\n"
				+ "metastasis (f 0.25, D 0.85e-3, D* 33.87e-3 mm²/s), the paper's Table 1 means.");
			gd.addHelp(HelpPages.url("IVIM Phantom..."));
			if (!gd.show()) return;
			int slices = (int) gd.getNextNumber();
			double snr = gd.getNextNumber();
			long seed = (long) gd.getNextNumber();
			double[] b = BValueText.parseList(gd.getNextString());
			boolean addRois = gd.getNextBoolean();
			boolean variation = gd.getNextBoolean();
			if (slices < 1 || slices > 500) throw new IvimInputException("slices=" + slices + ": give 1 to 500 slices.");
			if (Double.isNaN(snr) || snr < 0) throw new IvimInputException("snr=" + snr + ": give a value ≥ 0 (0 = no noise).");
			if (b.length < 3) throw new IvimInputException("b-values=" + BValueText.format(b)
				+ ": give at least three b-values, e.g. 0,50,100,200,800.");
			IvimPhantom p = IvimPhantom.create(128, 128, slices, b, snr, seed, variation);
			ImagePlus imp = PhantomImage.image(p);
			ImageJOutput.show(imp);
			if (addRois) {
				RoiManager rm = RoiManager.getInstance();
				if (rm == null) rm = HeadlessRoiManager.install();
				if (rm == null) rm = RoiManager.getRoiManager();
				// add(roi, -1), not addRoi: since ImageJ 1.54h addRoi pins a position-less ROI to the current
				// slice, which would drop the spondylitis lesion's other slices on newer ImageJ only.
				for (Roi roi : PhantomImage.rois(p)) rm.add((Roi) roi.clone(), -1);
			}
		}
		catch (IvimInputException e) {
			ImageJOutput.error(e.getMessage());
		}
	}
}

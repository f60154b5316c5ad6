package org.ivimj.plugins;

import ij.ImagePlus;
import ij.gui.Roi;

import java.util.List;

import org.ivimj.ij.BValueText;
import org.ivimj.ij.DeclaredInputs;
import org.ivimj.ij.IvimInputException;
import org.ivimj.ij.PhantomImage;
import org.ivimj.phantom.IvimPhantom;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › IVIM Phantom...: makes the bundled test series (128 × 128, the paper's ten b-values or
 * a protocol to test, lesions from its Table 1, Rician noise) and its lesion ROIs (added to the ROI
 * Manager from the menu or a macro; returned to scripts). Macro:
 * {@code run("IVIM Phantom...", "slices=5 snr=50 seed=1 add_rois");}
 */
@Plugin(type = Command.class, label = "IVIM Phantom...", description = "synthetic IVIM series with lesion ROIs",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## IVIM Phantom..."))
public class PhantomCommand implements Command {

	@Parameter(label = "Slices", min = "1", max = "500", persist = false)
	public int slices = 5;
	@Parameter(label = "SNR at b = 0 (S0 = 1000; 0 = no noise)", min = "0", persist = false)
	public double snr = 50;
	@Parameter(label = "Random seed", persist = false)
	public long seed = 1;
	@Parameter(label = "b-values (s/mm²; the protocol to test)", attrs = {@Attr(name = "columns", value = "40"),
		@Attr(name = "alias", value = "b-values")}, persist = false)
	public String b_values = BValueText.format(IvimPhantom.PAPER_B_VALUES);
	@Parameter(label = "add_rois: lesion ROIs to the ROI Manager", persist = false)
	public boolean add_rois = true;
	@Parameter(label = "patient_variation: lesion values drawn from Table 1 mean ± SD (seed = patient)", persist = false)
	public boolean patient_variation;

	@Parameter(type = ItemIO.OUTPUT, label = "Phantom")
	public ImagePlus phantom;
	@Parameter(type = ItemIO.OUTPUT, label = "Lesion ROIs", attrs = @Attr(name = "roi-manager", value = "true"))
	public Roi[] rois;

	@Override
	public void run() {
		DeclaredInputs.check(this, "IVIM Phantom");
		double[] b = BValueText.parseList(b_values);
		if (b.length < 3) throw new IvimInputException("b-values=" + BValueText.format(b)
			+ ": give at least three b-values, e.g. 0,50,100,200,800.");
		IvimPhantom p = IvimPhantom.create(128, 128, slices, b, snr, seed, patient_variation);
		phantom = PhantomImage.image(p);
		List<Roi> lesions = PhantomImage.rois(p);
		rois = add_rois ? lesions.toArray(new Roi[0]) : null;
	}
}

#@ CommandService command
// IVIM-J from a script (Fiji's script editor, Groovy): the commands are SciJava commands, called by name
// with named inputs; their outputs are typed (images, ROI arrays, ResultsTables). The same option names
// as the macro keys (docs/fiji-commands.md); no dialog, no ROI Manager, no display needed.
import ij.ImagePlus
import ij.gui.Roi
import ij.measure.ResultsTable

// 1. The bundled phantom: a 128 x 128 x 3 series at the seed paper's 10 b-values, lesions of its Table 1.
def phantom = command.run("org.ivimj.plugins.PhantomCommand", true,
	"slices", 3, "snr", 50.0d, "seed", 1L).get()
ImagePlus dwi = phantom.getOutput("phantom")
Roi[] lesions = phantom.getOutput("rois")

// 2. Fit IVIM Maps on the lesion ROIs: mono ADC and the free bi-exponential fit.
def fit = command.run("org.ivimj.plugins.FitMapsCommand", true,
	"image", dwi, "rois", lesions,
	"mono", true, "segmented", false, "free", true, "stretched", false).get()
ImagePlus maps = fit.getOutput("maps_hyperstack")   // one hyperstack, a named channel per map
ResultsTable table = fit.getOutput("results")          // a row per ROI and slice

// 3. Read the numbers (or table.save("/path/ivim.csv"): every digit is kept).
for (int i = 0; i < table.size(); i++)
	println(String.format("%-24s slice %d  f = %.3f  D = %.2e mm2/s  D* = %.2e mm2/s",
		table.getStringValue("ROI", i), (int) table.getValue("Slice", i), table.getValue("bifree_f_mean", i),
		table.getValue("bifree_D_mean", i), table.getValue("bifree_Dstar_mean", i)))
println(maps.getTitle() + ": " + maps.getNChannels() + " maps")

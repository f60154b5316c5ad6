// IVIM-J example: build the bundled phantom, fit it, write maps and the ROI table to a folder.
// Without a screen: xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch macros/phantom_example.ijm /output/folder
// or in Fiji: Plugins > Macros > Run..., then choose an output folder.
out = getArgument();
if (out == "") out = getDirectory("Choose a folder for the maps and the CSV");
if (!endsWith(out, "/") && !endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
setBatchMode(true);

// 1. The phantom: 128 x 128, 5 slices, the paper's 10 b-values, lesions from its Table 1, SNR 50.
roiManager("reset");
run("IVIM Phantom...", "slices=5 snr=50 seed=1 add_rois");
source = getTitle();

// 2. Its b-values are already stored; this shows how a scanner series gets them (frames hold b).
run("Set b-values...", "source=[typed list] b-values=[0,20,50,100,150,200,400,800,1200,1500] dimension=frames");

// 3. Fit every voxel inside the ROI Manager's ROIs with four methods; a row per ROI and slice.
run("Fit IVIM Maps...", "maps=[single images] mono segmented free stretched region=[ROI Manager (all)] r2_maps table");
saveAs("Results", out + "phantom_roi_results.csv");
print("ROI rows: " + nResults);
for (i = 0; i < nResults; i++)
	print(getResultString("ROI", i) + " slice " + getResult("Slice", i) + ": f=" + d2s(getResult("biseg_f_roifit", i), 3)
		+ " D=" + d2s(getResult("biseg_D_roifit", i), -3) + " D*=" + d2s(getResult("biseg_Dstar_roifit", i), -3));

// 4. Save every map as TIFF, named after its title without the unit (e.g. IVIM_phantom_biseg_D.tif).
for (i = 0; i < nImages; i++) {
	selectImage(i + 1);
	t = getTitle();
	if (t != source) saveAs("Tiff", out + replace(replace(t, " \\(.*\\)", ""), " ", "_") + ".tif");
}
print("Maps and phantom_roi_results.csv written to " + out);

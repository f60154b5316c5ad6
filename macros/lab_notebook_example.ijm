// IVIM-J lab-notebook example: one study, from the series to maps and a CSV.
// Edit the paths and the ROIs, then run it in Fiji (Plugins > Macros > Run...) or without a screen:
//   xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch lab_notebook_example.ijm
// The argument, if any, is the output folder.

series = "/data/study01/dwi.tif";            // a stack or hyperstack, one image per b-value
out = getArgument();
if (out == "") out = "/data/study01/ivim/";
if (!endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
setBatchMode(true);

// 1. Open the series. (In headless ImageJ 1 use open(path); the GUI file dialog needs a display.)
open(series);
source = getTitle();

// 2. b-values, in the order of the b dimension. Other sources:
//    source=file file=[/data/study01/dwi.bval]   (text or FSL .bval)
//    source=[slice labels]                        (labels such as b=800 or b800)
//    source=[image property] property=bvalues     (a "bvalues = ..." line of the image info)
// dimension: frames is how IVIM-J's DICOM/NIfTI importers lay out a series (z = slices, t = b-values);
// dimension=automatic works when only one dimension has as many images as there are b-values.
run("Set b-values...", "source=[typed list] b-values=[0,20,50,100,150,200,400,800,1200,1500] dimension=frames");

// 3. Lesion ROIs: one oval in the lesion centre on the slice with the largest section.
//    (Or roiManager("open", "/data/study01/rois.zip") for ROIs drawn earlier.)
roiManager("reset");
Stack.setSlice(8);
makeOval(52, 60, 9, 9);
Roi.setPosition(0, 8, 0);                        // slice 8 only; leave out for every slice
Roi.setName("lesion");
roiManager("add");

// 4. Fit. Keys: mono mono_nonlinear segmented free stretched; region=[ROI Manager (all)] etc.;
//    r2_maps standard_error_maps status_maps hyperstack table. See docs/fiji-commands.md.
run("Fit IVIM Maps...", "maps=[single images] mono segmented free stretched region=[ROI Manager (all)] r2_maps table");

// 5. Read and save the results table (ImageJ's Results table; columns in docs/fiji-commands.md).
for (i = 0; i < nResults; i++)
	print(getResultString("ROI", i) + " (slice " + getResult("Slice", i) + "): D* = "
		+ d2s(getResult("biseg_Dstar_roifit", i), -3) + " mm2/s, f = " + d2s(getResult("biseg_f_roifit", i), 3));
saveAs("Results", out + "ivim_roi_results.csv");

// 6. Save the maps (titles are <series>_<method>_<parameter> plus the unit in brackets).
for (i = nImages; i >= 1; i--) {
	selectImage(i);
	t = getTitle();
	if (t != source) {
		saveAs("Tiff", out + replace(replace(t, " \\(.*\\)", ""), " ", "_") + ".tif");
		close();
	}
}
roiManager("save", out + "rois.zip");
print("Done: " + out);

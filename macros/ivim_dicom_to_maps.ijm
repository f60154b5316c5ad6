// IVIM-J end to end on scanner data: a DICOM diffusion folder -> IVIM hyperstack (b-values read from
// the files) -> mono ADC map from b = 0 and 1000 -> a results table for a central ROI -> files.
// No step is typed by hand: the b-values, their order and the calibration come from the DICOM headers.
// Without a screen: xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch \
//               macros/ivim_dicom_to_maps.ijm "<dicom folder>|<output folder>"
args = split(getArgument(), "|");
if (args.length != 2)
	exit("Argument: <dicom folder>|<output folder>");
dicom = args[0];
out = args[1];
if (!endsWith(out, "/") && !endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
setBatchMode(true);
roiManager("reset");

// 1. Import: b-values from the vendor tags, directions at one b combined as the trace (geometric mean).
run("DICOM Diffusion Series (IVIM)...", "folder=[" + dicom + "] repeats=[trace (geometric mean)] order=[ascending b]");
dwi = getTitle();
print("b-values: " + Property.get("IVIM.bvalues"));

// 2. An ROI where there is signal: the automatic (Otsu) threshold of the first b = 0 image, as a
//    reader's ROI would be drawn on a lesion. ROIs without a slice position apply to every slice; the ROI
//    Manager of ImageJ 1.54h and later pins an added ROI to the current slice, so remove it explicitly.
setSlice(1);
setAutoThreshold("Otsu dark");
run("Create Selection");
roiManager("add");
roiManager("Remove Slice Info");
roiManager("select", 0);
roiManager("rename", "signal");
run("Select None");
resetThreshold();

// 3. Mono ADC from b = 0 and 1000 (as the scanner computes it), in the ROI and in every voxel above the
//    automatic background threshold.
run("Fit IVIM Maps...", "maps=[single images] mono region=[ROI Manager (all)] mono_b-values=[0,1000] table");
saveAs("Results", out + "dicom_roi_results.csv");
for (i = 0; i < nResults; i++)
	print(getResultString("ROI", i) + " slice " + getResult("Slice", i) + ": ADC = " + d2s(getResult("mono_ADC_mean", i), -4)
		+ " mm2/s over " + getResult("Voxels", i) + " voxels");
selectImage(dwi);
run("Fit IVIM Maps...", "maps=[single images] mono region=threshold background=auto mono_b-values=[0,1000]");
adc = getTitle();
saveAs("Tiff", out + "ADC.tif");
run("Save as NIfTI...", "save=[" + out + "ADC.nii.gz] geometry=[" + dwi + "]");
print("ADC map and dicom_roi_results.csv written to " + out);

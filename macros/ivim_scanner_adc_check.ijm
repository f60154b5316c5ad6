// IVIM-J example: check IVIM-J against the scanner. The diffusion series (b = 0 and the scanner's b > 0,
// single-frame or enhanced DICOM) and the scanner's own ADC series -> the mono ADC that IVIM-J fits from
// b = 0 and the trace, and the scanner's ADC map (converted to mm²/s), both saved as NIfTI in the scanner
// geometry, to compare voxel by voxel (FSL, MRIcroGL, nibabel).
// Without a screen: xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch ivim_scanner_adc_check.ijm "<dwi folder>|<scanner ADC folder>|<output folder>"
args = split(getArgument(), "|");
if (args.length != 3)
	exit("Argument: <dwi folder>|<scanner ADC folder>|<output folder>");
out = args[2];

run("DICOM Diffusion Series (IVIM)...", "folder=[" + args[0] + "] repeats=[trace (geometric mean)] order=[ascending b]");
dwi = getTitle();
print("imported " + dwi + ", b-values: " + Property.get("IVIM.bvalues"));
print(Property.get("IVIM.import.notes"));
run("Fit IVIM Maps...", "maps=[single images] mono region=[whole image]");
for (i = 1; i <= nImages; i++) {
	selectImage(i);
	if (startsWith(getTitle(), dwi + "_mono_ADC"))
		run("Save as NIfTI...", "save=[" + out + File.separator + "ivimj_adc.nii.gz] geometry=[" + dwi + "]");
}

run("DICOM Diffusion Series (IVIM)...", "folder=[" + args[1] + "]");
print("scanner map " + getTitle() + ": " + Property.get("IVIM.parameter") + " in " + Property.get("IVIM.unit"));
run("Save as NIfTI...", "save=[" + out + File.separator + "scanner_adc.nii.gz]");
print("saved to " + out);

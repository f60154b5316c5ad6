// IVIM-J example: a DICOM diffusion folder -> the IVIM hyperstack -> NIfTI (+ FSL .bval),
// and a map saved as NIfTI in the same scanner geometry (FSL / MRIcroGL overlay it on the series).
// Without a screen: xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch ivim_dicom_to_nifti.ijm "<dicom folder>|<output folder>"
args = split(getArgument(), "|");
if (args.length != 2)
	exit("Argument: <dicom folder>|<output folder>");
dicom = args[0];
out = args[1];

run("DICOM Diffusion Series (IVIM)...", "folder=[" + dicom + "] repeats=[trace (geometric mean)] order=[ascending b]");
dwi = getTitle();
getDimensions(width, height, channels, slices, frames);
getVoxelSize(vw, vh, vd, unit);
print("imported " + dwi + ": " + width + "x" + height + " c=" + channels + " z=" + slices + " t=" + frames);
print("b-values: " + Property.get("IVIM.bvalues") + " along " + Property.get("IVIM.bdimension"));
print("voxel: " + d2s(vw, 4) + " x " + d2s(vh, 4) + " x " + d2s(vd, 4) + " " + unit);

run("Save as NIfTI...", "save=[" + out + File.separator + "dwi.nii.gz]");

// A stand-in for a fitted parameter map: same size and calibration as the series, no geometry of its own.
newImage("D", "32-bit ramp", width, height, slices);
setVoxelSize(vw, vh, vd, unit);
run("Save as NIfTI...", "save=[" + out + File.separator + "D.nii.gz] geometry=[" + dwi + "]");
print("saved to " + out);

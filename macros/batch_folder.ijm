// IVIM-J batch: fit every study in a folder and collect one CSV.
// Each study is a TIFF series with its b-values stored (Plugins > IVIM > Set b-values..., then
// File > Save As > Tiff), and optionally a ROI set next to it: <name>.zip or <name>_rois.zip.
// Without ROIs, voxels above the automatic background threshold are fitted (maps only, no table rows).
//   xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch batch_folder.ijm "/data/studies/"
// Output in <folder>/ivim/: <study>_<method>_<parameter>.tif (map titles without the unit), <study>_roi_results.csv, and
// all_studies.csv (the same columns with Study first).

dir = getArgument();
if (dir == "") dir = getDirectory("Folder of studies");
if (!endsWith(dir, File.separator)) dir = dir + File.separator;
out = dir + "ivim" + File.separator;
File.makeDirectory(out);
setBatchMode(true);
options = "mono segmented free stretched r2_maps table";

files = getFileList(dir);
combined = out + "all_studies.csv";
if (File.exists(combined)) File.delete(combined);
rows = 0;
for (k = 0; k < files.length; k++) {
	name = files[k];
	if (!(endsWith(name, ".tif") || endsWith(name, ".tiff"))) continue;
	base = replace(name, "\\.tiff?$", "");
	open(dir + name);
	source = getTitle();
	roiManager("reset");
	rois = "";
	if (File.exists(dir + base + ".zip")) rois = dir + base + ".zip";
	if (File.exists(dir + base + "_rois.zip")) rois = dir + base + "_rois.zip";
	if (rois != "") {
		roiManager("open", rois);
		run("Fit IVIM Maps...", options + " maps=[single images] region=[ROI Manager (all)]");
		// This study's table, then its rows appended to the combined CSV with a Study column.
		saveAs("Results", out + base + "_roi_results.csv");
		lines = split(File.openAsString(out + base + "_roi_results.csv"), "\n");
		if (!File.exists(combined)) File.append("Study," + lines[0], combined);
		for (i = 1; i < lines.length; i++)
			if (lengthOf(lines[i]) > 0) {
				File.append(base + "," + lines[i], combined);
				rows++;
			}
	} else
		run("Fit IVIM Maps...", options + " maps=[single images] region=threshold background=auto");
	for (i = nImages; i >= 1; i--) {
		selectImage(i);
		t = getTitle();
		if (t != source) saveAs("Tiff", out + replace(replace(t, " \\(.*\\)", ""), " ", "_") + ".tif");
		close();
	}
	print(base + ": done");
}
print(rows + " ROI rows in " + combined);

// IVIM-J end to end, as in the seed study: lesions of two groups, two readers' ROIs, IVIM fits ->
// per-reader ROI tables -> reader agreement (ICC), readers' mean -> Table 1 (descriptives),
// Table 2 (group comparison), Table 3 (logistic regression), Table 4 and Figure 3 (ROC).
// The "patients" are bundled phantoms: each has one tuberculous-spondylitis and one metastasis lesion
// whose f, D, D* are drawn from the paper's Table 1 mean ± SD (patient_variation, seed = patient).
// Reader 1 uses the phantom's lesion ROIs; reader 2 draws them again, 1 pixel off and 1 pixel smaller.
// Without a screen: xvfb-run -a java -cp <jars> org.ivimj.ij.BatchImageJ -batch \
//               macros/ivim_study_example.ijm /output/folder
out = getArgument();
if (out == "") out = getDirectory("temp") + "ivimj_study";
if (!endsWith(out, "/") && !endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
setBatchMode(true);
patients = 12;
reader1 = out + "reader1.csv";
reader2 = out + "reader2.csv";
header = "ROI,Group,ADC,D,Dstar,f,DDC,alpha\n";
File.saveString(header, reader1);
File.saveString(header, reader2);
fit = "mono free stretched region=[ROI Manager (all)] table";

for (p = 1; p <= patients; p++) {
	roiManager("reset");
	run("IVIM Phantom...", "slices=1 snr=40 seed=" + p + " add_rois patient_variation");
	image = getTitle();
	// Reader 1: the lesion ROIs as the phantom made them.
	run("Fit IVIM Maps...", fit);
	appendRows(reader1, p);
	// Reader 2: the same lesions drawn again by someone else.
	n = roiManager("count");
	names = newArray(n); xs = newArray(n); ys = newArray(n); ws = newArray(n); hs = newArray(n);
	selectImage(image);
	for (i = 0; i < n; i++) {
		roiManager("select", i);
		names[i] = Roi.getName;
		getSelectionBounds(x, y, w, h);
		xs[i] = x + 1; ys[i] = y + 1; ws[i] = w - 2; hs[i] = h - 2;
	}
	roiManager("reset");
	for (i = 0; i < n; i++) {
		makeOval(xs[i], ys[i], ws[i], hs[i]);
		roiManager("add");
		roiManager("select", i);
		roiManager("rename", names[i]);
	}
	run("Select None");
	run("Fit IVIM Maps...", fit);
	appendRows(reader2, p);
	close("*");
}

// The paper's analysis on the two readers' tables (CSV files; in Fiji, open tables work as well).
saveTo = " save=[" + out + "]";
params = "parameters=[ADC,D,Dstar,f,DDC,alpha]";
run("IVIM Reader Agreement...", "input=[two tables] reader1=[" + reader1 + "] reader2=[" + reader2 + "] roi=ROI " + params + " confidence=0.95" + saveTo);
run("IVIM Combine Readers...", "reader1=[" + reader1 + "] reader2=[" + reader2 + "] roi=ROI " + params + saveTo);
study = "table=[IVIM Readers Combined] group=Group positive=metastasis";
run("IVIM Descriptive Statistics...", study + " " + params + saveTo);
run("IVIM Group Comparison...", study + " " + params + " test=auto-student normality=0.05" + saveTo);
run("IVIM Logistic Regression...", study + " parameters=[Dstar,f] confidence=0.95" + saveTo);
run("IVIM ROC Analysis...", study + " parameters=[Dstar,f] direction=auto combined=[Dstar,f] compare=[Dstar,f] confidence=0.95 plot" + saveTo);
print("IVIM-J study: " + 2 * patients + " lesions, two readers; tables and IVIM_ROC_Curves.png in " + out);

// One CSV row per ROI of the Results table that Fit IVIM Maps filled: the ROI's mean over its voxels.
function appendRows(file, patient) {
	for (r = 0; r < nResults; r++) {
		name = getResultString("ROI", r);
		group = "metastasis";
		if (indexOf(name, "tuberculous") >= 0) group = "tuberculosis";
		row = "P" + IJ.pad(patient, 2) + " " + name + "," + group
			+ "," + d2s(getResult("mono_ADC_mean", r), 9) + "," + d2s(getResult("bifree_D_mean", r), 9)
			+ "," + d2s(getResult("bifree_Dstar_mean", r), 9) + "," + d2s(getResult("bifree_f_mean", r), 6)
			+ "," + d2s(getResult("stretched_DDC_mean", r), 9) + "," + d2s(getResult("stretched_alpha_mean", r), 6);
		File.append(row, file);
	}
}

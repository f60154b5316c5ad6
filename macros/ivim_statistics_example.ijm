// IVIM-J statistics end to end: the analyses of the paper (Tables 1-4, reader agreement, Figure 3)
// on the bundled synthetic example study (50 spinal metastases, 20 tuberculous spondylitis, two readers).
// Writes the tables as CSV and the ROC figure as PNG into the folder given as argument.
//
// Without a screen:  xvfb-run -a java -cp <IVIM_J.jar and its dependencies> \
//                org.ivimj.ij.BatchImageJ -batch macros/ivim_statistics_example.ijm /path/to/output
// In Fiji:   Plugins > Macros > Run... (without argument it writes to <temp>/ivimj_statistics).
// To analyse your own study instead, replace the first two steps by your readers' tables
// (e.g. open("reader1.csv") in Fiji, or give CSV paths: reader1=[/path/reader1.csv]).

out = getArgument();
if (out == "") out = getDirectory("temp") + "ivimj_statistics";
File.makeDirectory(out);
saveTo = " save=[" + out + "]";

// 1. The two readers' ROI tables (a row per lesion: ROI, Group, ADC, D, Dstar, f, DDC, alpha).
run("IVIM Example Study...", "save=[" + out + "]");

// 2. Agreement between the readers (ICC, matched by ROI name) and the mean of the two readers.
run("IVIM Reader Agreement...", "input=[two tables] reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=ROI confidence=0.95" + saveTo);
run("IVIM Combine Readers...", "reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=ROI" + saveTo);

// 3. Group analyses on the readers' mean: metastasis is the positive group.
study = "table=[IVIM Readers Combined] group=Group positive=metastasis";
run("IVIM Descriptive Statistics...", study + " parameters=[ADC,D,Dstar,f,DDC,alpha]" + saveTo);
run("IVIM Group Comparison...", study + " parameters=[ADC,D,Dstar,f,DDC,alpha] test=auto-student normality=0.05" + saveTo);
run("IVIM Logistic Regression...", study + " parameters=[Dstar,f] confidence=0.95" + saveTo);
run("IVIM ROC Analysis...", study + " parameters=[Dstar,f] direction=auto combined=[Dstar,f] compare=[Dstar,f] confidence=0.95 plot" + saveTo);

print("IVIM-J statistics written to " + out);

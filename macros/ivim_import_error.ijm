// IVIM-J: what a macro sees when the import fails: the error names the file and the macro stops.
// Argument: a folder that is not a diffusion series.
run("DICOM Diffusion Series (IVIM)...", "folder=[" + getArgument() + "]");
print("this line must not run: the import error aborts the macro");

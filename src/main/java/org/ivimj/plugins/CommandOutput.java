package org.ivimj.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;

/** How commands hand over results and errors, with or without a display. */
final class CommandOutput {

	private CommandOutput() {}

	/**
	 * Makes a new image the current one: shown with a display; headless registered as the macro's
	 * (batch-mode) current image without touching any window.
	 */
	static void show(ImagePlus imp) {
		if (!GraphicsEnvironment.isHeadless()) {
			imp.show();
			return;
		}
		if (Interpreter.isBatchMode()) Interpreter.addBatchModeImage(imp);
		WindowManager.setTempCurrentImage(imp);
	}

	/** Reports an error naming the file and what is wrong, and aborts the running macro. */
	static void error(String title, String message) {
		Interpreter macro = Interpreter.getInstance();
		if (macro != null && (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null)) {
			// ImageJ reports a macro error in a modal dialog, which cannot exist headless and would hang an
			// unattended -batch run (no ImageJ window): print the message where -batch shows output, as
			// ImageJ's own IJ.showMessage does without its window, and let the macro stop without the dialog.
			System.out.println(title + ": " + message);
			macro.setIgnoreErrors(true);
		}
		IJ.error(title, message);
	}

	/** Writes import notes to the Log (standard output headless). */
	static void log(String title, Iterable<String> lines) {
		for (String line : lines) IJ.log(title + ": " + line);
	}
}

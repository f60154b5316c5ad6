package org.ivimj.plugins;

import org.ivimj.ij.ImageJOutput;

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

	/**
	 * Reports an error under the command's title through IVIM-J's one error path
	 * ({@link ImageJOutput#error}: a dialog, or headless {@code IVIM-J error: <title>: <message>}, the macro
	 * stopped and the exit status 1).
	 */
	static void error(String title, String message) {
		ImageJOutput.error(title + ": " + message);
	}

	/**
	 * Runs a command's body; bad input ({@link org.ivimj.ij.IvimInputException}) and running out of memory
	 * are reported under the command's title through the one error path instead of a stack trace.
	 */
	static void guarded(String title, Runnable body) {
		try {
			body.run();
		}
		catch (org.ivimj.ij.IvimInputException e) {
			error(title, e.getMessage());
		}
		catch (OutOfMemoryError e) {
			error(title, ImageJOutput.OUT_OF_MEMORY);
		}
	}

	/** Writes import notes to the Log (standard output headless). */
	static void log(String title, Iterable<String> lines) {
		for (String line : lines) IJ.log(title + ": " + line);
	}
}

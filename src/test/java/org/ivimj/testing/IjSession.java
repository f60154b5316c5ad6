package org.ivimj.testing;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-process ImageJ session for command tests, as a batch-mode macro sees it: commands registered,
 * batch mode on (so outputs are collected as batch-mode images), an empty real ROI Manager (a window:
 * the tests run on a display, Xvfb in CI). Call
 * {@link #open()} before and {@link #close()} after each test.
 */
public final class IjSession {

	private IjSession() {}

	public static RoiManager open() {
		ImageJHarness.registerCommands();
		Interpreter.batchMode = true;
		clearImages();
		closeTables();
		// A real ROI Manager window (the tests run on a display, Xvfb in CI), as a user has.
		RoiManager rm = RoiManager.getRoiManager();
		rm.reset();
		org.ivimj.ij.IvimTables.clear();
		IJ.getErrorMessage();
		return rm;
	}

	public static void close() {
		clearImages();
		closeTables();
		WindowManager.setTempCurrentImage(null);
		RoiManager rm = RoiManager.getInstance();
		if (rm != null) rm.reset();
		Interpreter.batchMode = false;
		Macro.setOptions(null);
	}

	/** Makes an image the current one, as a macro's selectImage would. */
	public static void select(ImagePlus imp) {
		WindowManager.setTempCurrentImage(imp);
	}

	/** Images produced by commands (batch-mode images), in creation order. */
	public static List<ImagePlus> images() {
		List<ImagePlus> list = new ArrayList<>();
		int[] ids = Interpreter.getBatchModeImageIDs();
		if (ids != null) for (int id : ids) list.add(Interpreter.getBatchModeImage(id));
		return list;
	}

	public static ImagePlus image(String title) {
		for (ImagePlus imp : images())
			if (imp.getTitle().equals(title)) return imp;
		return null;
	}

	/**
	 * Runs a command that must fail; returns the message it gave through IJ.error (the macro is aborted,
	 * which IJ.run reports by throwing).
	 */
	public static String runExpectingError(String command, String options) {
		IJ.getErrorMessage();
		try {
			IJ.run(command, options);
		}
		catch (RuntimeException e) {
			if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			String msg = IJ.getErrorMessage();
			if (msg == null) throw new AssertionError("aborted without an error message");
			return msg;
		}
		throw new AssertionError(command + " did not fail");
	}

	/** Closes table windows (not the Log), so no test reads or saves an earlier test's table. */
	private static void closeTables() {
		java.awt.Frame[] frames = WindowManager.getNonImageWindows();
		if (frames == null) return;
		for (java.awt.Frame f : frames)
			if (f instanceof ij.text.TextWindow && !"Log".equals(f.getTitle())) ((ij.text.TextWindow) f).close(false);
		ij.measure.ResultsTable results = ij.measure.ResultsTable.getResultsTable();
		if (results != null) results.reset();
	}

	private static void clearImages() {
		for (ImagePlus imp : images()) Interpreter.removeBatchModeImage(imp);
	}
}

package org.ivimj.ij;

import ij.IJ;
import ij.WindowManager;
import ij.ImagePlus;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How commands hand results to the user: with a display, images and tables open in windows; in a
 * batch-mode macro or headless, images join the macro's batch-mode images (so {@code selectImage},
 * {@code saveAs} and {@code getTitle} reach them) and tables become ImageJ's Results table (so
 * {@code getResult} and {@code saveAs("Results", path)} reach them). Errors go through
 * {@code IJ.error}, which aborts a running macro with the message.
 */
public final class ImageJOutput {

	private ImageJOutput() {}

	/** Whether windows may be opened. */
	public static boolean canShowWindows() {
		return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
	}

	/** Shows an image, or registers it with the running macro when there is no display. */
	public static void show(ImagePlus imp) {
		if (canShowWindows() || Interpreter.isBatchMode() || IJ.isMacro()) imp.show();
	}

	/** Makes the table ImageJ's Results table and shows it where a display exists. */
	public static void showResults(ResultsTable table) {
		// An IvimResultsTable keeps full precision when the user saves "Results" (ImageJ's own would not).
		IvimResultsTable rt = IvimResultsTable.of(table);
		Analyzer.setResultsTable(rt);
		if (canShowWindows() || IvimTables.isTableWindow(WindowManager.getFrame(RoiResultsTable.TITLE))) rt.show(RoiResultsTable.TITLE);
	}

	/** What a command reports when the JVM runs out of memory despite the checks made before reading. */
	public static final String OUT_OF_MEMORY = "ImageJ ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
		+ " MB at most): give it more (Edit › Options › Memory & Threads, or java -Xmx), close other images, or work on "
		+ "a smaller region.";

	private static final AtomicInteger ERRORS = new AtomicInteger();

	/**
	 * Reports bad input: a dialog, or a macro error that aborts the macro. Headless, ImageJ cannot show
	 * the macro error dialog, so the message is also printed to standard error.
	 */
	public static void error(String message) {
		ERRORS.incrementAndGet();
		Interpreter macro = Interpreter.getInstance();
		// Without an ImageJ window (headless, -batch, a program or test driving IJ.run) a macro error dialog
		// cannot be shown or would block an unattended run: print the message (ImageJ would only print it to
		// standard output, without saying whose it is) and end the macro quietly instead.
		boolean noWindow = GraphicsEnvironment.isHeadless() || IJ.getInstance() == null;
		if (noWindow) System.err.println("IVIM-J error: " + message);
		if (noWindow && macro != null) {
			// ImageJ would report a macro error in a dialog, which cannot exist headless (it fails with a
			// HeadlessException stack trace); end the macro quietly instead, the message being printed above.
			macro.setIgnoreErrors(true);
			macro.abort(message);
			return;
		}
		IJ.error("IVIM-J", message);
	}

	/** How many errors IVIM-J commands reported in this JVM (the headless launcher's exit status). */
	public static int errorCount() {
		return ERRORS.get();
	}
}

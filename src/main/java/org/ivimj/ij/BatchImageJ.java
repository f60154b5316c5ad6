package org.ivimj.ij;

import ij.ImageJ;
import ij.gui.GenericDialog;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Toolkit;
import java.awt.event.WindowEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts ImageJ 1 (e.g. {@code -batch macro.ijm [argument]}) with IVIM-J's commands in its menus when
 * IVIM-J is on the class path instead of in the plugins folder, and with an exit status that tells a
 * shell script whether the macro worked: 1 if an IVIM-J command reported an error (ImageJ itself always
 * exits with 0); a macro error is printed rather than shown in a dialog nobody can close. ImageJ 1 needs a display for its menus: on a machine without one run it under
 * {@code xvfb-run -a}, or use Fiji's {@code --headless} mode or the study runner ({@code org.ivimj.cli.Main}).
 */
public final class BatchImageJ {

	private BatchImageJ() {}

	public static void main(String[] args) {
		try {
			IvimMenus.install();
		}
		catch (IllegalStateException e) {
			System.err.println("IVIM-J error: " + e.getMessage());
			System.exit(1);
		}
		Toolkit.getDefaultToolkit().addAWTEventListener(BatchImageJ::closeMacroErrorDialog, AWTEvent.WINDOW_EVENT_MASK);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (ImageJOutput.errorCount() > 0 || MACRO_ERRORS.get() > 0) Runtime.getRuntime().halt(1);
		}, "IVIM-J exit status"));
		ImageJ.main(args);
	}

	private static final AtomicInteger MACRO_ERRORS = new AtomicInteger();

	/**
	 * With a display, ImageJ shows a macro's own errors ("Macro Error", "No Image") in a modal dialog even
	 * in -batch mode, which would hang an unattended run: print the message instead, as headless ImageJ
	 * does, and close the dialog (the macro then stops, and the exit status is 1).
	 */
	private static void closeMacroErrorDialog(AWTEvent event) {
		if (event.getID() != WindowEvent.WINDOW_OPENED || !(event.getSource() instanceof GenericDialog)) return;
		GenericDialog gd = (GenericDialog) event.getSource();
		if (!"Macro Error".equals(gd.getTitle()) && !"No Image".equals(gd.getTitle())) return;
		MACRO_ERRORS.incrementAndGet();
		String text = text(gd).trim();
		System.err.println(gd.getTitle() + (text.isEmpty() ? " (ImageJ shows its text only in a dialog: run the macro with a "
			+ "screen to see the line)" : ": " + text) + "; the macro stopped.");
		EventQueue.invokeLater(() -> gd.dispatchEvent(new WindowEvent(gd, WindowEvent.WINDOW_CLOSING)));
	}

	private static String text(Container c) {
		StringBuilder sb = new StringBuilder();
		for (Component k : c.getComponents()) {
			if (k instanceof Label) sb.append(((Label) k).getText()).append('\n');
			else if (k instanceof Container) sb.append(text((Container) k));
		}
		return sb.toString();
	}
}

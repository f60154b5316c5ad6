package org.ivimj.ij;

import ij.ImageJ;

/**
 * Starts ImageJ 1 (e.g. {@code -batch macro.ijm [argument]}) with IVIM-J's commands in its menus when
 * IVIM-J is on the class path instead of in the plugins folder, and with an exit status that tells a
 * shell script whether the macro worked: 1 if an IVIM-J command reported an error (ImageJ itself always
 * exits with 0). ImageJ 1 needs a display for its menus: on a machine without one run it under
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
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (ImageJOutput.errorCount() > 0) Runtime.getRuntime().halt(1);
		}, "IVIM-J exit status"));
		ImageJ.main(args);
	}
}

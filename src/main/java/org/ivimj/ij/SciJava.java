package org.ivimj.ij;

import ij.IJ;

import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * The SciJava context IVIM-J's commands run in. Inside Fiji it is Fiji's own (imagej-legacy hands it to
 * ImageJ 1 code through {@code IJ.runPlugIn("org.scijava.Context", "")}); in plain ImageJ, which has
 * none, one is made on first use, with just the services commands need, and reused.
 */
public final class SciJava {

	private static Context own;

	private SciJava() {}

	/** The context to run commands in. */
	public static synchronized Context context() {
		if (own != null) return own;
		if (hasLegacy()) {
			Object c = IJ.runPlugIn(Context.class.getName(), "");
			if (c instanceof Context) return (Context) c;
		}
		// Plain ImageJ loads plugin jars through its own class loader: SciJava must look for the commands'
		// plugin index there, not (as by default) in the thread's context class loader.
		Thread t = Thread.currentThread();
		ClassLoader previous = t.getContextClassLoader();
		t.setContextClassLoader(SciJava.class.getClassLoader());
		try {
			own = new Context(CommandService.class);
		}
		finally {
			t.setContextClassLoader(previous);
		}
		return own;
	}

	/** Whether imagej-legacy (Fiji) is on the class path: only then does ImageJ 1 hand out a context. */
	private static boolean hasLegacy() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, SciJava.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}
}

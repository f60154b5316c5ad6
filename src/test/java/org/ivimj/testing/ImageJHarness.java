package org.ivimj.testing;

import org.ivimj.ij.BatchImageJ;
import org.ivimj.ij.IvimMenus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real ImageJ 1 in tests: registers the commands of the project's {@code plugins.config}
 * headless in this JVM so {@code IJ.run("Command", "options")} works, and runs macro files in a separate
 * JVM through ImageJ's own {@code -batch} mode.
 */
public final class ImageJHarness {

	private ImageJHarness() {}

	/** The project's top-level folder (where pom.xml and plugins.config live). */
	public static Path projectDir() {
		Path p = Paths.get("").toAbsolutePath();
		while (p != null && !Files.exists(p.resolve("plugins.config"))) p = p.getParent();
		if (p == null) throw new IllegalStateException("plugins.config not found above " + Paths.get("").toAbsolutePath());
		return p;
	}

	/**
	 * Makes {@code IJ.run("Command", options)} work in this JVM: IVIM-J's commands join ImageJ's menus
	 * through public API. ImageJ 1 needs a display for that: run the tests under {@code xvfb-run -a}.
	 */
	public static synchronized void registerCommands() {
		IvimMenus.install();
	}

	/** Starts a headless batch-mode session as a -batch macro has: commands registered, no error pending. */
	public static void startBatchSession() {
		registerCommands();
		ij.macro.Interpreter.batchMode = true;
		ij.IJ.getErrorMessage();
	}

	/** Ends it: forgets every batch-mode image and the current image. */
	public static void endBatchSession() {
		int[] ids = ij.WindowManager.getIDList();
		if (ids != null) for (int id : ids) ij.macro.Interpreter.removeBatchModeImage(ij.WindowManager.getImage(id));
		ij.macro.Interpreter.batchMode = false;
		ij.WindowManager.setTempCurrentImage(null);
	}

	/** Result of an ImageJ run in a separate JVM. */
	public static final class Run {
		public final int exitCode;
		public final String output;

		Run(int exitCode, String output) {
			this.exitCode = exitCode;
			this.output = output;
		}

		@Override
		public String toString() {
			return "exit " + exitCode + ":\n" + output;
		}
	}

	/**
	 * Runs a macro file in ImageJ's -batch mode in a fresh JVM started the way the README tells users to
	 * (through {@link BatchImageJ}, on this JVM's display), with this project's classes and plugins.config on
	 * the class path. Standard output and error are returned together.
	 */
	public static Run runBatchMacro(Path macro, String argument, Path workDir) throws IOException, InterruptedException {
		return runBatchMacro(macro, argument, workDir, new String[0]);
	}

	/** The same for a macro given as text (written to {@code macro.ijm} in {@code workDir}). */
	public static Run runBatchMacroText(String macroText, Path workDir) throws IOException, InterruptedException {
		Path macro = workDir.resolve("macro.ijm");
		java.nio.file.Files.writeString(macro, macroText);
		return runBatchMacro(macro, null, workDir);
	}

	/** The same, with extra JVM options (e.g. -Xmx256m to test what happens when memory is short). */
	public static Run runBatchMacro(Path macro, String argument, Path workDir, String... jvmOptions)
		throws IOException, InterruptedException
	{
		List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		for (String o : jvmOptions) cmd.add(o);
		cmd.add("-Dplugins.dir=" + workDir.toAbsolutePath());
		cmd.add("-cp");
		cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		cmd.add(BatchImageJ.class.getName());
		cmd.add("-batch");
		cmd.add(macro.toAbsolutePath().toString());
		if (argument != null) cmd.add(argument);
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
		Process process = pb.start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(10, TimeUnit.MINUTES)) process.destroyForcibly();
		return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
	}
}

package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImageJ;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.ivimj.io.NiftiReader;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as users run them: plain ImageJ with a display (Xvfb), the plugin installed as a jar in
 * its plugins folder, a macro in -batch mode. This takes the GenericDialog path the headless tests
 * cannot, and checks an import error stops the macro without a modal dialog that would hang the run.
 */
class ImportWithDisplayTest {

	@Test
	void macroRunsWithADisplayAndErrorsDoNotHang(@TempDir Path dir) throws Exception {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(), "xvfb-run is needed for the display test (CI installs it)");
		install(dir);
		Path out = Files.createDirectories(dir.resolve("out"));
		String output = runWithDisplay(dir, ImageJHarness.projectDir().resolve("macros/ivim_dicom_to_nifti.ijm"),
			SharedData.geDicom() + "|" + out);
		assertTrue(output.contains("imported dicom: 256x256 c=1 z=2 t=2"), output);
		assertEquals(2, NiftiReader.read(out.resolve("dwi.nii.gz")).volumeCount());
		Path empty = Files.createDirectories(dir.resolve("empty"));
		output = runWithDisplay(dir, ImageJHarness.projectDir().resolve("macros/ivim_import_error.ijm"), empty.toString());
		assertTrue(output.contains(empty + ": holds no DICOM images"), output);
		assertFalse(output.contains("this line must not run"), output);
	}

	/**
	 * Issue 10, item 0: with a real display and a real ROI Manager, every lesion slice gets its row on
	 * every ImageJ version the build tests (1.54p's ROI Manager pins ROIs to slices; 1.54g's does not).
	 */
	@Test
	void phantomExampleGivesEveryLesionSliceWithADisplay(@TempDir Path dir) throws Exception {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(), "xvfb-run is needed for the display test (CI installs it)");
		install(dir);
		Path out = Files.createDirectories(dir.resolve("out"));
		String output = runWithDisplay(dir, ImageJHarness.projectDir().resolve("macros/phantom_example.ijm"), out.toString());
		List<String> rows = Files.readAllLines(out.resolve("phantom_roi_results.csv"));
		assertEquals(7, rows.size(), "header + 5 slices of the spondylitis ROI + the metastasis:\n" + output);
		assertFalse(String.join("\n", rows).contains(",0.001,"), "saved CSV lost digits");
	}

	/**
	 * With a display, a macro line sets options of both Fit IVIM Maps dialogs (main and advanced) without
	 * showing either, and an unknown key still stops the macro.
	 */
	@Test
	void advancedKeysOnAMacroLineWithADisplay(@TempDir Path dir) throws Exception {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(), "xvfb-run is needed for the display test (CI installs it)");
		install(dir);
		Path macro = dir.resolve("advanced.ijm");
		Files.writeString(macro, "setBatchMode(true);\n"
			+ "run(\"IVIM Phantom...\", \"slices=1 snr=50 seed=1 add_rois\");\n"
			+ "run(\"Fit IVIM Maps...\", \"free dstar_max=0.02 region=[ROI Manager (all)] table\");\n"
			+ "print(\"Dstar max \" + d2s(maxOf(getResult(\"bifree_Dstar_mean\", 0), getResult(\"bifree_Dstar_mean\", 1)), 6));\n"
			+ "run(\"Fit IVIM Maps...\", \"free dstar_mx=0.02 region=[ROI Manager (all)] table\");\n"
			+ "print(\"this line must not run\");\n");
		String output = runWithDisplay(dir, macro, "");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("Dstar max ([0-9.]+)").matcher(output);
		assertTrue(m.find(), output);
		assertTrue(Double.parseDouble(m.group(1)) <= 0.02 + 1e-9, "dstar_max set on the macro line: " + output);
		assertTrue(output.contains("unknown option 'dstar_mx': did you mean 'dstar_max'?"), output);
		assertFalse(output.contains("this line must not run"), output);
	}

	@Test
	void theJarAloneNamesTheMissingDependencies(@TempDir Path dir) throws Exception {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(), "xvfb-run is needed for the display test (CI installs it)");
		jarClasses(Files.createDirectories(dir.resolve("plugins")).resolve("IVIM_J-test.jar"));
		Path macro = dir.resolve("phantom.ijm");
		Files.writeString(macro, "run(\"IVIM Phantom...\", \"slices=1\");\nprint(\"this line must not run\");\n");
		String output = runWithDisplay(dir, macro, "");
		assertTrue(output.contains("IVIM-J error: IVIM-J needs SciJava Common, ImgLib2 and Commons Math, which Fiji ships: in plain "
			+ "ImageJ copy their jars into the plugins/jars folder (missing: org/scijava/"), output);
		assertFalse(output.contains("this line must not run"), output);
	}

	/**
	 * IVIM-J installed in plain ImageJ as a user does: its jar in plugins/, its dependencies (which Fiji ships
	 * in jars/) in plugins/jars/.
	 */
	private static void install(Path dir) throws Exception {
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		jarClasses(plugins.resolve("IVIM_J-test.jar"));
		Path jars = Files.createDirectories(plugins.resolve("jars"));
		for (Class<?> c : new Class<?>[] {net.imglib2.Cursor.class, org.apache.commons.math3.util.FastMath.class,
			org.scijava.Context.class})
		{
			Path jar = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			Files.copy(jar, jars.resolve(jar.getFileName()));
		}
	}

	/** The compiled classes and plugins.config as a plugin jar, the way users install IVIM-J. */
	private static void jarClasses(Path jar) throws Exception {
		Path classes = Paths.get(ImportDicomDiffusionCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
				out.write(Files.readAllBytes(f));
				out.closeEntry();
			}
		}
	}

	private static String runWithDisplay(Path dir, Path macro, String argument) throws Exception {
		Path ij = Paths.get(ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> cmd = new ArrayList<>(List.of("/usr/bin/xvfb-run", "-a",
			Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Dplugins.dir=" + dir, "-cp", ij.toString(),
			"ij.ImageJ", "-batch", macro.toString(), argument));
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
		p.getOutputStream().close();
		boolean finished = p.waitFor(120, TimeUnit.SECONDS);
		if (!finished) p.destroyForcibly();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(finished, "ImageJ with a display did not finish within 120 s (a modal dialog?):\n" + output);
		return output;
	}
}

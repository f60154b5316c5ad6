package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.IvimTables;
import org.ivimj.testing.IjSession;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code block of README.md and docs/ that a user can paste runs as written: Groovy blocks in a
 * Groovy shell (as Fiji's script editor runs them), macro blocks through ImageJ's macro interpreter with
 * the IVIM-J commands, each after the state its section describes (an image open, ROIs drawn, the
 * example study loaded). Only the example paths ({@code /data/...}, {@code /path/folder}, {@code /out/...})
 * are replaced by test data. Shell blocks are checked for what can go stale (main classes, scripts, jar
 * name); the commands themselves run in CI (.ci/run) and in the -batch tests.
 */
class DocumentationExamplesTest {

	/** A fenced code block: its file, first line, language (tag or inferred) and text. */
	static final class Block {
		final Path file;
		final int line;
		final String language;
		final String code;

		Block(Path file, int line, String language, String code) {
			this.file = file;
			this.line = line;
			this.language = language;
			this.code = code;
		}

		@Override
		public String toString() {
			return ImageJHarness.projectDir().relativize(file) + ":" + line;
		}
	}

	static List<Path> documents() throws IOException {
		List<Path> docs = new ArrayList<>();
		Path root = ImageJHarness.projectDir();
		docs.add(root.resolve("README.md"));
		try (Stream<Path> s = Files.list(root.resolve("docs"))) {
			s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

	static List<Block> blocks(Path md) throws IOException {
		List<Block> out = new ArrayList<>();
		List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).startsWith("```")) continue;
			String tag = lines.get(i).substring(3).trim();
			int start = i + 1;
			StringBuilder code = new StringBuilder();
			for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) code.append(lines.get(i)).append('\n');
			out.add(new Block(md, start, tag.isEmpty() ? infer(code.toString()) : tag, code.toString()));
		}
		return out;
	}

	/** Untagged blocks: ImageJ macro lines, shell commands, or text (formats, file layouts). */
	static String infer(String code) {
		String first = code.trim();
		if (first.startsWith("run(") || first.startsWith("roiManager(") || first.startsWith("open(")) return "ijm";
		if (first.startsWith("java ") || first.startsWith("mvn ") || first.startsWith("scripts/")) return "bash";
		return "text";
	}

	@Test
	void everyBlockIsKnown() throws IOException {
		int runnable = 0;
		for (Path d : documents())
			for (Block b : blocks(d)) {
				assertTrue(List.of("groovy", "ijm", "bash", "text", "python").contains(b.language), b + ": unknown language " + b.language);
				if (!b.language.equals("text")) runnable++;
			}
		assertTrue(runnable >= 15, "expected the docs' examples, found " + runnable);
	}

	@Test
	void groovyBlocksRunAsWritten() throws IOException {
		int ran = 0;
		for (Path d : documents())
			for (Block b : blocks(d)) {
				if (!b.language.equals("groovy")) continue;
				StringWriter printed = new StringWriter();
				Binding binding = new Binding();
				binding.setProperty("out", new PrintWriter(printed, true));
				// As Fiji's script editor does for "#@ CommandService command": the line is read, the service given.
				org.scijava.Context context = b.code.contains("#@ CommandService command")
					? new org.scijava.Context(org.scijava.command.CommandService.class) : null;
				if (context != null) binding.setProperty("command", context.service(org.scijava.command.CommandService.class));
				try {
					new GroovyShell(binding).evaluate(b.code.replaceAll("(?m)^#@.*$", ""));
				}
				catch (Exception | Error e) {
					fail(b + " fails as written: " + e, e);
				}
				finally {
					if (context != null) context.dispose();
				}
				assertFalse(printed.toString().isEmpty(), b + " printed nothing");
				ran++;
			}
		assertTrue(ran >= 1, "README's Groovy example not found");
	}

	@Test
	void shellBlocksNameWhatExists() throws Exception {
		Path root = ImageJHarness.projectDir();
		String version = pomVersion(root);
		Pattern mainClass = Pattern.compile("\\b(org\\.ivimj\\.[A-Za-z0-9_.]+)\\b");
		Pattern jar = Pattern.compile("IVIM_J-([0-9][^\":/ ]*)\\.jar");
		Pattern script = Pattern.compile("(?:^|\\s)((?:scripts|macros)/[A-Za-z0-9_./-]+)");
		for (Path d : documents())
			for (Block b : blocks(d)) {
				if (!b.language.equals("bash")) continue;
				Matcher m = mainClass.matcher(b.code);
				while (m.find()) assertNotNull(Class.forName(m.group(1)), b + ": " + m.group(1));
				m = jar.matcher(b.code);
				while (m.find()) assertEquals(version, m.group(1), b + ": the jar is IVIM_J-" + version + ".jar");
				m = script.matcher(b.code);
				while (m.find()) assertTrue(Files.exists(root.resolve(m.group(1))), b + ": " + m.group(1) + " does not exist");
			}
	}

	@TestFactory
	Stream<DynamicTest> macroBlocksRunAsWritten(@TempDir Path tmp) throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path d : documents())
			for (Block b : blocks(d))
				if (b.language.equals("ijm")) tests.add(DynamicTest.dynamicTest(b.toString(), () -> runMacro(b, tmp)));
		assertTrue(tests.size() >= 10, "expected the docs' macro examples, found " + tests.size());
		return tests.stream();
	}

	private static void runMacro(Block b, Path tmp) throws Exception {
		StatisticsCommandTesting.reset();
		IjSession.open();
		PrintStream stdout = System.out, stderr = System.err;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try {
			Path work = Files.createTempDirectory(tmp, "block");
			prepare(b.code, work);
			String code = b.code;
			for (Map.Entry<String, String> e : paths(work).entrySet()) code = code.replace(e.getKey(), e.getValue());
			System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
			IJ.getErrorMessage();
			String result = IJ.runMacro(code);
			System.setOut(stdout);
			System.setErr(stderr);
			String error = IJ.getErrorMessage();
			assertNull(error, b + " reported: " + error + "\n" + printed);
			assertFalse("[aborted]".equals(result), b + " was aborted:\n" + printed);
			assertFalse(printed.toString().contains("Exception"), b + " printed a stack trace:\n" + printed);
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			IjSession.close();
			IvimTables.clear();
		}
	}

	/** The example paths of the docs and the test data that stands in for them. */
	private static Map<String, String> paths(Path work) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("/data/patient1/DWI", SharedData.geDicom().toString());
		p.put("/data/dwi.nii.gz", SharedData.geNifti().toString());
		p.put("/data/dwi.bval", work.resolve("dwi.bval").toString());
		p.put("/out/D.nii.gz", work.resolve("D.nii.gz").toString());
		p.put("/path/folder", work.toString());
		return p;
	}

	/** The state a reader of the block's section has: the images, ROIs and tables it works on. */
	private static void prepare(String code, Path work) throws IOException {
		boolean statistics = code.contains("IVIM Readers Combined") || code.contains("IVIM Example Reader")
			|| code.contains("IVIM Combine Readers");
		if (statistics && !code.contains("IVIM Example Study")) {
			IJ.run("IVIM Example Study...", "save=[]");
			if (code.contains("IVIM Readers Combined") && !code.contains("IVIM Combine Readers..."))
				IJ.run("IVIM Combine Readers...", "reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=ROI");
		}
		if (code.contains("DICOM Stack to IVIM Hyperstack")) {
			IjSession.select(ImportDicomDiffusionCommandTest.openAsStack(SharedData.geDicom()));
		}
		boolean image = code.contains("Set b-values") || code.contains("Fit IVIM Maps") || code.contains("Decay Plot")
			|| code.contains("Save as NIfTI");
		if (image && !code.contains("IVIM Phantom")) {
			// A diffusion series as the importers leave it: the phantom (lesion ROIs in the ROI Manager) titled
			// "dwi", slice labels naming b, a "bvalues = ..." line in its Info, and the .bval beside it.
			IJ.run("IVIM Phantom...", "slices=2 snr=50 seed=1 add_rois");
			ImagePlus imp = IJ.getImage();
			imp.setTitle("dwi");
			double[] b = BValueMetadata.bValues(imp);
			ImageStack stack = imp.getStack();
			for (int z = 1; z <= imp.getNSlices(); z++)
				for (int t = 1; t <= imp.getNFrames(); t++)
					stack.setSliceLabel("b=" + BValueMetadata.format(b[t - 1]), imp.getStackIndex(1, z, t));
			StringBuilder list = new StringBuilder();
			for (double v : b) list.append(list.length() == 0 ? "" : ",").append(BValueMetadata.format(v));
			imp.setProp("bvalues", list.toString());
			Files.writeString(work.resolve("dwi.bval"), list.toString().replace(',', ' ') + "\n");
		}
	}

	private static String pomVersion(Path root) throws IOException {
		String pom = Files.readString(root.resolve("pom.xml"));
		Matcher m = Pattern.compile("<artifactId>IVIM_J</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
		assertTrue(m.find());
		return m.group(1);
	}
}

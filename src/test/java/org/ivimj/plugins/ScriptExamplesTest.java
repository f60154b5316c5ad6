package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The scripts in examples/ work as the README says: the Groovy one runs as written in a Groovy shell with
 * a real SciJava CommandService (what Fiji's script editor hands it for {@code #@ CommandService}); the
 * PyImageJ one (PyImageJ is not installed here) is valid Python whose every command and input name and
 * every output it reads exist.
 */
class ScriptExamplesTest {

	private static final Path EXAMPLES = ImageJHarness.projectDir().resolve("examples");

	@Test
	void groovyExampleRunsAndPrintsTheLesionsFit() throws Exception {
		try (Context context = new Context(CommandService.class)) {
			Binding binding = new Binding();
			binding.setVariable("command", context.service(CommandService.class));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			binding.setVariable("out", new PrintStream(out, true, StandardCharsets.UTF_8));
			// Fiji's script editor reads the #@ lines (script parameters) and hands Groovy the rest.
			String script = Files.readString(EXAMPLES.resolve("ivim_from_groovy.groovy")).replaceAll("(?m)^#@.*$", "");
			new GroovyShell(binding).evaluate(script);
			String printed = out.toString(StandardCharsets.UTF_8);
			assertTrue(printed.contains("spinal metastasis"), printed);
			assertTrue(printed.contains("_IVIM_maps: 6 maps"), printed);
			Matcher f = Pattern.compile("spinal metastasis\\s+slice \\d+\\s+f = (0\\.\\d+)").matcher(printed);
			assertTrue(f.find(), printed);
			assertEquals(0.25, Double.parseDouble(f.group(1)), 0.05, "the metastasis' f of Table 1 at SNR 50");
		}
	}

	@Test
	void pyImageJExampleNamesOnlyWhatExists() throws Exception {
		Path py = EXAMPLES.resolve("ivim_from_pyimagej.py");
		// A syntax check that writes nothing (py_compile would leave __pycache__ in examples/).
		Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])",
			py.toString()).redirectErrorStream(true).start();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		String text = Files.readString(py);
		try (Context context = new Context(CommandService.class)) {
			CommandService commands = context.service(CommandService.class);
			Matcher run = Pattern.compile("command\\.run\\(\"([\\w.]+)\", True,\\s*\\{([^}]*)\\}\\)").matcher(text);
			Set<String> outputs = new HashSet<>();
			int n = 0;
			while (run.find()) {
				CommandInfo info = commands.getCommand(run.group(1));
				assertNotNull(info, run.group(1));
				Matcher key = Pattern.compile("\"(\\w+)\":").matcher(run.group(2));
				while (key.find()) assertNotNull(info.getInput(key.group(1)), run.group(1) + " has no input " + key.group(1));
				for (ModuleItem<?> o : info.outputs()) outputs.add(o.getName());
				n++;
			}
			assertEquals(3, n, "the example's command calls");
			Matcher read = Pattern.compile("getOutput\\(\"(\\w+)\"\\)").matcher(text);
			while (read.find()) assertTrue(outputs.contains(read.group(1)), "no command returns " + read.group(1));
		}
	}
}

package org.ivimj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;

/**
 * The Groovy example of docs/scripting.md runs as written on a plain ArrayImg, without ImageJ, and
 * prints what the tissues it simulates say: f 0.1 in ROI 1 and 0.3 in ROI 2, D 1.5e-3 on the left.
 */
class RegionFitExampleTest {

	@Test
	void documentedScriptFitsTwoRois() throws IOException {
		List<String> lines = Files.readAllLines(ImageJHarness.projectDir().resolve("docs/scripting.md"), StandardCharsets.UTF_8);
		StringBuilder code = new StringBuilder();
		boolean in = false;
		for (String l : lines) {
			if (l.startsWith("```")) {
				if (in) break;
				in = l.equals("```groovy");
				continue;
			}
			if (in) code.append(l).append('\n');
		}
		assertTrue(code.length() > 0, "docs/scripting.md has no Groovy block");
		StringWriter printed = new StringWriter();
		Binding binding = new Binding();
		binding.setProperty("out", new PrintWriter(printed, true));
		new GroovyShell(binding).evaluate(code.toString());
		String out = printed.toString();
		assertEquals(1.5e-3, number(out, "D at \\(3, 4, 1\\) = "), 0.4e-3, out);
		assertEquals(0.1, number(out, "ROI 1: f = "), 0.03, out);
		assertEquals(0.3, number(out, "ROI 2: f = "), 0.03, out);
		Matcher m = Pattern.compile("ROI 1: .*mean-signal fit f = (\\S+)").matcher(out);
		assertTrue(m.find(), out);
		assertEquals(0.1, Double.parseDouble(m.group(1)), 0.02, out);
		Matcher bic = Pattern.compile("votes of (\\d+) voxels: mono (\\d+), bi-exponential (\\d+), stretched (\\d+)").matcher(out);
		assertTrue(bic.find(), out);
		assertEquals(512, Integer.parseInt(bic.group(1)));
		assertEquals(512, Integer.parseInt(bic.group(2)) + Integer.parseInt(bic.group(3)) + Integer.parseInt(bic.group(4)), out);
		assertTrue(Integer.parseInt(bic.group(2)) < 50, "a perfused tissue is not mono-exponential: " + out);
		assertEquals(0.8e-3, number(out, "ROI 2: D p90 = "), 0.3e-3, out);
	}

	private static double number(String text, String before) {
		Matcher m = Pattern.compile(before + "([-+0-9.eE]+)").matcher(text);
		assertTrue(m.find(), "no \"" + before + "\" in\n" + text);
		return Double.parseDouble(m.group(1));
	}
}

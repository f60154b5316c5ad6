package org.ivimj;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;

/**
 * The science (models, fits, statistics, file formats, phantom, analysis) is plain Java with no ImageJ
 * imports, usable from any script; only org.ivimj.ij and org.ivimj.plugins know ImageJ. The build relies
 * on it: the second test run against the newest ImageJ 1 (pom.xml, execution ij-newest) skips the
 * science tests, which cannot depend on the ImageJ version.
 */
class ArchitectureTest {

	static final String[] SCIENCE = {"analysis", "fit", "io", "model", "phantom", "pipeline", "stats"};

	@Test
	void sciencePackagesDoNotImportImageJ() throws IOException {
		List<String> offenders = new ArrayList<>();
		Path root = ImageJHarness.projectDir().resolve("src/main/java/org/ivimj");
		for (String pkg : SCIENCE) {
			try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
				for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
					for (String line : Files.readAllLines(f, StandardCharsets.UTF_8))
						if (line.matches("\\s*import\\s+(static\\s+)?(ij|net\\.imagej)\\..*")) offenders.add(root.relativize(f) + ": " + line.trim());
				}
			}
		}
		assertTrue(offenders.isEmpty(), "ImageJ in the science packages:\n" + String.join("\n", offenders));
	}
}

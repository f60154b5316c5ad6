package org.ivimj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.IJ;

import org.junit.jupiter.api.Test;

/**
 * The build runs the suite twice, the second time with the newest ImageJ 1 in place of the managed one
 * (pom.xml, execution ij-newest); this checks that the second run really has it on its class path.
 */
class ImageJVersionTest {

	@Test
	void runsOnTheImageJVersionTheBuildAskedFor() {
		String wanted = System.getProperty("ivimj.test.ij");
		String expected = wanted == null || wanted.isEmpty() ? IJ.getVersion().substring(0, 5) : wanted;
		// IJ.getVersion(), not ImageJ.VERSION: a constant would be inlined at compile time.
		assertEquals(expected, IJ.getVersion().substring(0, 5));
	}
}

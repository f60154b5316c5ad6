package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.measure.ResultsTable;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ivimj.ij.IvimTables;
import org.ivimj.testing.ImageJHarness;

/** Runs the statistics commands through {@code IJ.run} as a macro would, and reads their output tables. */
final class StatisticsCommandTesting {

	private StatisticsCommandTesting() {}

	/** Registers the commands and forgets tables of earlier tests. */
	static void reset() {
		ImageJHarness.registerCommands();
		IvimTables.clear();
		IJ.getErrorMessage();
	}

	/** Runs the command and asserts it reported no error. */
	static void run(String command, String options) {
		IJ.getErrorMessage();
		IJ.run(command, options);
		String error = IJ.getErrorMessage();
		assertNull(error, command + " failed: " + error);
	}

	/** Runs the command and returns the error it reported (asserting there was one). */
	static String runExpectingError(String command, String options) {
		IJ.getErrorMessage();
		IJ.run(command, options);
		String error = IJ.getErrorMessage();
		assertNotNull(error, command + " with [" + options + "] should have reported an error");
		return error;
	}

	static void assertErrorMentions(String error, String... words) {
		for (String w : words) assertTrue(error.contains(w), "error should mention \"" + w + "\": " + error);
	}

	/** An output table by its fixed title. */
	static ResultsTable output(String title) {
		ResultsTable rt = IvimTables.find(title);
		assertNotNull(rt, "no output table " + title);
		return rt;
	}

	/** The row whose column {@code key} equals {@code value} (and optionally {@code key2} equals {@code value2}). */
	static int row(ResultsTable rt, String key, String value, String key2, String value2) {
		int found = -1;
		for (int i = 0; i < rt.size(); i++)
			if (value.equals(rt.getStringValue(key, i)) && (key2 == null || value2.equals(rt.getStringValue(key2, i)))) {
				assertEquals(-1, found, "two rows with " + key + "=" + value);
				found = i;
			}
		assertTrue(found >= 0, "no row with " + key + "=" + value + (key2 == null ? "" : ", " + key2 + "=" + value2));
		return found;
	}

	/** The file system path of a test resource (a fixture table). */
	static String resource(String name) {
		try {
			Path p = Paths.get(StatisticsCommandTesting.class.getResource("/org/ivimj/stats/" + name).toURI());
			return p.toString();
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A snapshot of a table's content, to prove a command did not modify it. */
	static String snapshot(ResultsTable rt) {
		StringBuilder sb = new StringBuilder(rt.getColumnHeadings()).append('\n');
		for (int i = 0; i < rt.size(); i++) sb.append(rt.getRowAsString(i)).append('\n');
		return sb.toString();
	}
}

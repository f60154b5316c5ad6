package org.ivimj.cli;

import ij.IJ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ivimj.ij.ImageJOutput;
import org.ivimj.ij.IvimTables;

/**
 * The {@code stats} verb: the statistics commands on a cohort table, each writing its tables (full
 * precision) into one folder, as a macro running them one after the other with {@code save=}.
 */
final class CohortStatistics {

	private CohortStatistics() {}

	static void run(Map<String, String> o) {
		Main.known(o, "stats", "table", "out", "options", "descriptives", "comparison", "logistic", "roc");
		Path table = Paths.get(Main.required(o, "table")).toAbsolutePath();
		if (!Files.isRegularFile(table)) throw new CliException(table + ": no such cohort table.");
		Path out = Paths.get(Main.required(o, "out")).toAbsolutePath();
		String shared = "table=[" + table + "] " + o.getOrDefault("options", "").trim();
		Map<String, String> commands = new LinkedHashMap<>();
		commands.put("IVIM Descriptive Statistics...", o.getOrDefault("descriptives", ""));
		commands.put("IVIM Group Comparison...", o.getOrDefault("comparison", ""));
		commands.put("IVIM Logistic Regression...", o.getOrDefault("logistic", ""));
		commands.put("IVIM ROC Analysis...", o.getOrDefault("roc", ""));
		StringBuilder m = new StringBuilder();
		for (Map.Entry<String, String> c : commands.entrySet())
			m.append("run(\"").append(c.getKey()).append("\", \"").append((shared + " " + c.getValue().trim() + " save=[" + out + "]")
				.replace("\"", "\\\"")).append("\");\n");
		int errors = ImageJOutput.errorCount();
		IvimTables.clear();
		String result = IJ.runMacro(m.toString());
		if (ImageJOutput.errorCount() == errors && "[aborted]".equals(result))
			throw new CliException(table + ": the statistics stopped without a message.");
	}
}

package org.ivimj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ivimj.ij.Commands;
import org.ivimj.ij.IvimInputException;
import org.ivimj.plugins.DescriptiveStatisticsCommand;
import org.ivimj.plugins.GroupComparisonCommand;
import org.ivimj.plugins.LogisticRegressionCommand;
import org.ivimj.plugins.RocAnalysisCommand;
import org.ivimj.ij.IvimTables;

/**
 * The {@code stats} verb: the statistics commands on a cohort table, each writing its tables (full
 * precision) into one folder, with the option keys a macro gives them and {@code save=}, run through {@link Commands} (no display).
 */
final class CohortStatistics {

	private CohortStatistics() {}

	static void run(Map<String, String> o) {
		Main.known(o, "stats", "table", "out", "options", "descriptives", "comparison", "logistic", "roc");
		Path table = Paths.get(Main.required(o, "table")).toAbsolutePath();
		if (!Files.isRegularFile(table)) throw new CliException(table + ": no such cohort table.");
		Path out = Paths.get(Main.required(o, "out")).toAbsolutePath();
		String shared = "table=[" + table + "] " + o.getOrDefault("options", "").trim();
		Map<Class<?>, String> commands = new LinkedHashMap<>();
		commands.put(DescriptiveStatisticsCommand.class, o.getOrDefault("descriptives", ""));
		commands.put(GroupComparisonCommand.class, o.getOrDefault("comparison", ""));
		commands.put(LogisticRegressionCommand.class, o.getOrDefault("logistic", ""));
		commands.put(RocAnalysisCommand.class, o.getOrDefault("roc", ""));
		IvimTables.clear();
		try {
			for (Map.Entry<Class<?>, String> c : commands.entrySet())
				Commands.run(c.getKey(), shared + " " + c.getValue().trim() + " save=[" + out + "]");
		}
		catch (IvimInputException e) {
			throw new CliException(e.getMessage());
		}
	}
}

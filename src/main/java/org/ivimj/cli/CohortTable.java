package org.ivimj.cli;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.ivimj.ij.IvimResultsTable;

/**
 * The {@code cohort} verb: joins the studies' tables (each study's {@code readers_combined.csv}, else its
 * {@code roi_table.csv}) into one cohort table with {@code Study} and {@code Group} first, every number
 * in full precision, ready for the statistics commands, R or SPSS.
 */
final class CohortTable {

	private CohortTable() {}

	static void join(Map<String, String> o) {
		Main.known(o, "cohort", "out", "studies");
		Path out = Paths.get(Main.required(o, "out")).toAbsolutePath();
		IvimResultsTable cohort = new IvimResultsTable();
		for (String spec : Main.required(o, "studies").split("\\s+")) {
			String[] f = spec.split(":");
			if (f.length != 3) throw new CliException("--studies " + spec + ": give DIR:STUDY:GROUP.");
			Path dir = Paths.get(f[0]);
			Path csv = Files.isRegularFile(dir.resolve("readers_combined.csv")) ? dir.resolve("readers_combined.csv")
				: dir.resolve("roi_table.csv");
			if (!Files.isRegularFile(csv)) throw new CliException(dir + ": no readers_combined.csv or roi_table.csv: "
				+ "run the fit verb on the study first.");
			ResultsTable t;
			try {
				t = ResultsTable.open(csv.toString());
			}
			catch (IOException e) {
				throw new CliException(csv + ": cannot be read (" + e.getMessage() + ").");
			}
			for (int r = 0; r < t.size(); r++) {
				cohort.incrementCounter();
				int row = cohort.size() - 1;
				cohort.setValue("Study", row, f[1]);
				cohort.setValue("Group", row, f[2]);
				for (int c = 0; c <= t.getLastColumn(); c++) {
					if (!t.columnExists(c)) continue;
					String h = t.getColumnHeading(c);
					if (h.equals("Study") || h.equals("Group")) continue;
					double v = t.getValueAsDouble(c, r);
					String s = Double.isNaN(v) ? t.getStringValue(c, r) : null;
					if (s != null && !s.equals("NaN")) cohort.setValue(h, row, s);
					else cohort.setValue(h, row, v);
				}
			}
		}
		try {
			if (out.getParent() != null) Files.createDirectories(out.getParent());
			Path partial = out.resolveSibling(".partial-" + out.getFileName());
			cohort.saveAs(partial.toString());
			Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new CliException(out + ": cannot be written (" + e.getMessage() + ").");
		}
		System.out.println("IVIM-J: cohort table of " + cohort.size() + " rows -> " + out);
	}
}

package org.ivimj.plugins;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ivimj.ij.IvimTables;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › Statistics › IVIM Example Study: opens the bundled synthetic study (50
 * metastases, 20 tuberculous spondylitis, two readers; generated with the group means/SDs of the
 * paper's Table 1) as the tables {@value #READER1} and {@value #READER2}, and optionally saves
 * them as CSV.
 */
@Plugin(type = Command.class, label = "IVIM Example Study...", description = "the bundled synthetic two-reader study",
	attrs = @Attr(name = "help", value = "statistics.md ### IVIM Example Study..."))
public class ExampleStudyCommand extends IvimCommand {

	public static final String READER1 = "IVIM Example Reader 1";
	public static final String READER2 = "IVIM Example Reader 2";
	static final String[] RESOURCES = {"example_reader1.csv", "example_reader2.csv"};

	@Parameter(label = "Save tables to folder (optional)", style = "directory", required = false, persist = false)
	public String save = "";

	@Parameter(type = ItemIO.OUTPUT, label = READER1)
	public ResultsTable reader1;
	@Parameter(type = ItemIO.OUTPUT, label = READER2)
	public ResultsTable reader2;

	@Override
	void execute() {
		reader1 = open(RESOURCES[0]);
		reader2 = open(RESOURCES[1]);
		IvimTables.save(reader1, READER1, save);
		IvimTables.save(reader2, READER2, save);
	}

	/** Reads a bundled CSV as a ResultsTable. */
	static ResultsTable open(String resource) {
		try (InputStream in = ExampleStudyCommand.class.getResourceAsStream("/org/ivimj/stats/" + resource)) {
			if (in == null) throw new CommandException("The example study is missing from the IVIM-J jar (" + resource + ").");
			Path tmp = Files.createTempFile("ivimj-", ".csv");
			try {
				Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
				ResultsTable rt = ResultsTable.open(tmp.toString());
				if (rt == null) throw new CommandException("Cannot read the example study (" + resource + ").");
				return rt;
			}
			finally {
				new File(tmp.toString()).delete();
			}
		}
		catch (IOException e) {
			throw new CommandException("Cannot read the example study: " + e.getMessage());
		}
	}
}

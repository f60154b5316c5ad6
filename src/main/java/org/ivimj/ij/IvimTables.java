package org.ivimj.ij;

import ij.IJ;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextWindow;

import java.awt.Frame;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds input tables and publishes output tables, with or without a display.
 * <p>
 * ImageJ 1 keeps named tables only in their windows, so headless (e.g. {@code -batch}) a table
 * called anything but "Results" cannot exist. IVIM-J commands therefore also keep the tables they
 * produce here, under their window title, so that the next command of a headless macro can read
 * them; and every command can save its tables as CSV. Input tables are looked up as: an open table
 * window, a table an IVIM-J command produced in this session, the system "Results" table, or a
 * CSV/TSV file path.
 */
public final class IvimTables {

	private static final Map<String, ResultsTable> PRODUCED = new LinkedHashMap<>();

	private IvimTables() {}

	/** The table with this title or file path, or null. The caller must not modify it. */
	public static synchronized ResultsTable find(String titleOrPath) {
		if (titleOrPath == null || titleOrPath.trim().isEmpty()) return null;
		String t = titleOrPath.trim();
		Frame f = WindowManager.getFrame(t);
		if (f instanceof TextWindow && ((TextWindow) f).getResultsTable() != null) return ((TextWindow) f).getResultsTable();
		if (PRODUCED.containsKey(t)) return PRODUCED.get(t);
		if (t.equals("Results")) {
			ResultsTable rt = ResultsTable.getResultsTable();
			return rt != null && rt.size() > 0 ? rt : null;
		}
		File file = new File(t);
		if (file.isFile()) {
			try {
				return ResultsTable.open(file.getPath());
			}
			catch (IOException e) {
				return null;
			}
		}
		return null;
	}

	static boolean isTableWindow(Frame f) {
		return f instanceof TextWindow && ((TextWindow) f).getResultsTable() != null;
	}

	/** Titles a user can choose from: open table windows, tables produced here, and "Results" if not empty. */
	public static synchronized List<String> titles() {
		List<String> r = new ArrayList<>();
		Frame[] frames = WindowManager.getNonImageWindows();
		if (frames != null)
			for (Frame f : frames)
				if (f instanceof TextWindow && ((TextWindow) f).getResultsTable() != null && !r.contains(f.getTitle())) r.add(f.getTitle());
		for (String t : PRODUCED.keySet()) if (!r.contains(t)) r.add(t);
		ResultsTable results = ResultsTable.getResultsTable();
		if (results != null && results.size() > 0 && !r.contains("Results")) r.add("Results");
		return r;
	}

	/** Shows the table under its title (with a display) and keeps it for later commands of a headless macro. */
	public static synchronized void publish(ResultsTable output, String title) {
		IvimResultsTable table = IvimResultsTable.of(output);
		PRODUCED.put(title, table);
		// A batch-mode macro opens no windows (as for images): it reaches the table by title through IVIM-J.
		// A window already open under this title is updated all the same (as ImageJ's Measure updates an
		// open Results window in batch mode), so no window keeps an earlier run's rows.
		if (ImageJOutput.canShowWindows() || isTableWindow(WindowManager.getFrame(title))) table.show(title);
	}

	/**
	 * Saves the table as {@code <title with _ for spaces>.csv} (full precision) in {@code directory};
	 * nothing if the directory is empty. Returns the file written, or null.
	 */
	public static File save(ResultsTable output, String title, String directory) {
		if (directory == null || directory.trim().isEmpty()) return null;
		File dir = new File(directory.trim());
		if (!dir.isDirectory() && !dir.mkdirs()) throw new IvimInputException("Cannot create the folder " + dir + " to save \"" + title
			+ "\": give a folder you can write to as save=.");
		File file = new File(dir, fileName(title) + ".csv");
		if (!IvimResultsTable.of(output).save(file.getPath()))
			throw new IvimInputException("Cannot write " + file + ": check the folder's permissions and free space.");
		IJ.log("IVIM-J: wrote " + file.getPath());
		return file;
	}

	/** File name used for a table or figure title when saved. */
	public static String fileName(String title) {
		return title.trim().replaceAll("[^A-Za-z0-9._-]+", "_");
	}

	/** Forgets the tables kept for headless use (tests; a new session). */
	public static synchronized void clear() {
		PRODUCED.clear();
	}
}

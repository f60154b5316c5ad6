package org.ivimj.ij;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets plain ImageJ 1 run macros that call {@code run("Command", ...)} with no display.
 * <p>
 * ImageJ 1 builds its command table while building the AWT menu bar, which throws
 * {@code HeadlessException} without a display (Fiji patches this; plain ImageJ does not). This class
 * fills the same table headless: ImageJ's built-in commands from its {@code IJ_Props.txt} plus the
 * commands of every {@code plugins.config} on the class path (ours among them). It also installs a
 * window-less ROI Manager ({@link HeadlessRoiManager}) so {@code roiManager(...)} works. Use it as the main
 * class instead of {@code ij.ImageJ}: {@code java -Djava.awt.headless=true -cp ... 
 * org.ivimj.ij.HeadlessImageJ -batch macro.ijm [argument]}. The JVM exits with status 1 if an IVIM-J
 * command reported an error (ImageJ itself always exits with 0).
 */
public final class HeadlessImageJ {

	private static final Pattern PROPS_ENTRY = Pattern.compile("^\"([^\"]+)\",\\s*(\\S.*)$");
	private static final Pattern CONFIG_LINE = Pattern.compile("^\\s*([^,#]+),\\s*\"([^\"]+)\",\\s*(\\S.*?)\\s*$");
	/** Commands ImageJ adds in code rather than from IJ_Props.txt; the ones macros commonly call. */
	private static final String[][] HARD_CODED = {
		{"Close", "ij.plugin.Commands(\"close\")"}, {"Close All", "ij.plugin.Commands(\"close-all\")"},
		{"Save", "ij.plugin.Commands(\"save\")"}, {"Revert", "ij.plugin.Commands(\"revert\")"},
		{"Clear", "ij.plugin.filter.Filler(\"clear\")"}, {"Clear Outside", "ij.plugin.filter.Filler(\"outside\")"},
		{"Fill", "ij.plugin.filter.Filler(\"fill\")"}, {"Draw", "ij.plugin.filter.Filler(\"draw\")"},
		{"Invert", "ij.plugin.filter.Filters(\"invert\")"}, {"Show Info...", "ij.plugin.ImageInfo"},
		{"Properties...", "ij.plugin.filter.ImageProperties"}, {"Crop", "ij.plugin.Resizer(\"crop\")"},
		{"Duplicate...", "ij.plugin.Duplicator"}, {"Rename...", "ij.plugin.SimpleCommands(\"rename\")"},
		{"Scale...", "ij.plugin.Scaler"}, {"Measure", "ij.plugin.filter.Analyzer"},
		{"Summarize", "ij.plugin.filter.Analyzer(\"sum\")"}, {"Clear Results", "ij.plugin.filter.Analyzer(\"clear\")"},
		{"Set Measurements...", "ij.plugin.filter.Analyzer(\"set\")"}, {"Set Scale...", "ij.plugin.filter.ScaleDialog"},
		{"Image Calculator...", "ij.plugin.ImageCalculator"}, {"Histogram", "ij.plugin.Histogram"},
	};

	private HeadlessImageJ() {}

	/** Installs the command table if ImageJ runs headless and has none; safe to call repeatedly. */
	public static synchronized void installCommands() {
		if (GraphicsEnvironment.isHeadless()) HeadlessRoiManager.install();
		if (!GraphicsEnvironment.isHeadless() || Menus.getCommands() != null) return;
		Hashtable<String, String> table = new Hashtable<>();
		addBuiltIns(table);
		for (String[] c : HARD_CODED) table.put(c[0], c[1]);
		addPluginConfigs(table);
		try {
			Field f = Menus.class.getDeclaredField("pluginsTable");
			f.setAccessible(true);
			f.set(null, table);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("Cannot install ImageJ's command table headless: " + e, e);
		}
	}

	/** Starts ImageJ's own main (e.g. with -batch) after installing the command table. */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		installCommands();
		// ImageJ ends -batch runs with System.exit(0) even when a command aborted the macro; make such
		// runs fail (exit status 1) so shell scripts notice.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (ImageJOutput.errorCount() > 0) Runtime.getRuntime().halt(1);
		}, "IVIM-J exit status"));
		ImageJ.main(args);
	}

	private static void addBuiltIns(Map<String, String> table) {
		try (InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			if (in == null) return;
			Properties props = new Properties();
			props.load(in);
			for (String key : props.stringPropertyNames()) {
				Matcher m = PROPS_ENTRY.matcher(props.getProperty(key).trim());
				if (!m.matches()) continue;
				String label = m.group(1).replaceAll("\\[[^\\]]*\\]$", "");
				table.put(label, m.group(2).trim());
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read ImageJ's IJ_Props.txt: " + e, e);
		}
	}

	private static void addPluginConfigs(Map<String, String> table) {
		try {
			Enumeration<URL> configs = HeadlessImageJ.class.getClassLoader().getResources("plugins.config");
			while (configs.hasMoreElements()) {
				URL url = configs.nextElement();
				try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = r.readLine()) != null;) {
						Matcher m = CONFIG_LINE.matcher(line);
						if (m.matches()) table.put(m.group(2), m.group(3));
					}
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read plugins.config: " + e, e);
		}
	}
}

package org.ivimj.ij;

import ij.Menus;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts IVIM-J's commands into ImageJ's menus when ImageJ did not find them itself, which is the case
 * when IVIM-J is on the class path rather than in the plugins folder (tests, the {@link BatchImageJ}
 * launcher, an embedding program). Uses only public ImageJ API ({@link Menus#getCommands()},
 * {@link Menus#add}), so it needs a display, as ImageJ 1's menus do (Fiji's --headless patches this).
 */
public final class IvimMenus {

	private static final Pattern CONFIG_LINE = Pattern.compile("^\\s*([^,#]+),\\s*\"([^\"]+)\",\\s*(\\S.*?)\\s*$");

	private IvimMenus() {}

	/**
	 * Adds every command of every {@code plugins.config} on the class path that ImageJ's command table
	 * lacks. Throws with advice if the JVM has no display.
	 */
	public static synchronized void install() {
		if (GraphicsEnvironment.isHeadless()) throw new IllegalStateException("ImageJ 1 builds its menus only with a "
			+ "display: run under xvfb-run (e.g. xvfb-run -a java ...), use Fiji's --headless mode, or the IVIM-J study "
			+ "runner (org.ivimj.cli.Main), which needs no display.");
		Hashtable<?, ?> table = Menus.getCommands();
		try {
			Enumeration<URL> configs = IvimMenus.class.getClassLoader().getResources("plugins.config");
			while (configs.hasMoreElements()) {
				URL url = configs.nextElement();
				try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = r.readLine()) != null;) {
						Matcher m = CONFIG_LINE.matcher(line);
						if (!m.matches() || m.group(2).equals("-") || table.containsKey(m.group(2))) continue;
						Menus.add(m.group(1).trim() + ">" + m.group(2), m.group(3));
					}
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read plugins.config: " + e, e);
		}
	}
}

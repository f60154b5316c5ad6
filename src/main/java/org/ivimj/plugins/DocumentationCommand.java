package org.ivimj.plugins;

import ij.IJ;

import org.ivimj.ij.HelpLinks;
import org.ivimj.ij.ImageJOutput;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › IVIM › IVIM-J Documentation: the last entry of the menu opens the commands' documentation in
 * the browser (with ImageJ's window open); from a script or a macro without one it gives the address.
 */
@Plugin(type = Command.class, label = "IVIM-J Documentation...", description = "the documentation of every command",
	attrs = @Attr(name = "help", value = "fiji-commands.md ## Menus"))
public class DocumentationCommand implements Command {

	/** The page listing every command, with links to each one's section. */
	public static final String URL = HelpLinks.DOCS + "fiji-commands.md";

	@Parameter(type = ItemIO.OUTPUT, label = "IVIM-J documentation")
	public String url;

	@Override
	public void run() {
		url = URL;
		// Only a user at ImageJ's own window gets a browser; a script, a macro in batch mode or a test gets the address.
		if (IJ.getInstance() != null && ImageJOutput.canShowWindows()) IJ.runPlugIn("ij.plugin.BrowserLauncher", url);
	}
}

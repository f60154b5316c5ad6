package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command's dialog, opened from its menu entry as a user opens it (no macro options), fits a
 * 1366 × 768 screen, shows words rather than raw keys, and has a Help button; Fit IVIM Maps' advanced
 * options open in a second dialog that fits too. With {@code -Divimj.screenshots=<folder>} (see
 * scripts/screenshot-maps.sh) each dialog is also saved there as a PNG.
 */
class DialogSizeTest {

	private static final int SCREEN_W = 1366, SCREEN_H = 768;
	private ImagePlus phantom;

	@BeforeEach
	void setUp() {
		IjSession.open();
		IJ.run("IVIM Phantom...", "slices=2 snr=30 seed=1 add_rois");
		phantom = WindowManager.getCurrentImage();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void everyDialogFitsTheScreenAndReadsInWords() throws Exception {
		Pattern entry = Pattern.compile("^[^,#]+,\\s*\"([^\"]+)\",\\s*org\\.ivimj\\.ij\\.CommandPlugIn");
		int n = 0;
		for (String line : Files.readAllLines(ImageJHarness.projectDir().resolve("plugins.config"))) {
			Matcher m = entry.matcher(line.trim());
			if (!m.find()) continue;
			String command = m.group(1);
			if (command.equals("About IVIM-J...") || command.equals("IVIM-J Documentation...")) continue; // no options: no dialog
			GenericDialog gd = open(command);
			try {
				check(command, gd);
			}
			finally {
				close(gd);
			}
			n++;
		}
		assertEquals(16, n);
	}

	@Test
	void fitMapsAdvancedOptionsOpenInASecondDialogThatFitsToo() throws Exception {
		GenericDialog main = open("Fit IVIM Maps...");
		Checkbox advanced = null;
		for (Object o : main.getCheckboxes()) {
			Checkbox c = (Checkbox) o;
			if (c.getLabel().startsWith("Advanced options")) advanced = c;
		}
		assertNotNull(advanced, "an Advanced… checkbox");
		advanced.setState(true);
		GenericDialog[] second = new GenericDialog[1];
		Button ok = main.getButtons()[0];
		java.awt.EventQueue.invokeLater(() -> main.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK")));
		second[0] = waitForDialog(main);
		try {
			check("Fit IVIM Maps... (advanced)", second[0]);
			assertTrue(labels(second[0]).contains("D* (pseudo-diffusion) from"), labels(second[0]).toString());
			assertTrue(labels(second[0]).contains("Iterations at most"), "max_iterations is drawn: " + labels(second[0]));
		}
		finally {
			close(second[0]);
		}
	}

	private Thread running;

	/** Opens a command's dialog from a background thread, as the menu does, and returns it once shown. */
	private GenericDialog open(String command) throws Exception {
		ImagePlus imp = phantom;
		running = new Thread(() -> {
			WindowManager.setTempCurrentImage(imp);
			IJ.run(command);
		}, "menu " + command);
		running.start();
		return waitForDialog(null);
	}

	private static GenericDialog waitForDialog(GenericDialog not) throws InterruptedException {
		for (int i = 0; i < 400; i++) {
			for (Window w : Window.getWindows())
				if (w instanceof GenericDialog && w != not && w.isShowing()) {
					Thread.sleep(150); // laid out and painted
					return (GenericDialog) w;
				}
			Thread.sleep(25);
		}
		throw new AssertionError("no dialog appeared");
	}

	private void close(GenericDialog gd) throws InterruptedException {
		java.awt.EventQueue.invokeLater(() -> gd.dispatchEvent(new WindowEvent(gd, WindowEvent.WINDOW_CLOSING)));
		running.join(20000);
		assertTrue(!running.isAlive(), "the command ended after Cancel");
	}

	private static void check(String command, GenericDialog gd) throws Exception {
		Dimension d = gd.getSize();
		assertTrue(d.width <= SCREEN_W && d.height <= SCREEN_H - 40, command + ": " + d.width + " × " + d.height
			+ " does not fit a 1366 × 768 screen");
		boolean help = false;
		for (Button b : gd.getButtons()) if (b != null && "Help".equals(b.getLabel())) help = true;
		assertTrue(help, command + ": a Help button");
		for (String text : labels(gd))
			assertTrue(!text.matches("[a-z0-9]+(_[a-z0-9]+)+"), command + ": label \"" + text + "\" is a raw key");
		assertEveryFieldIsDrawn(command, gd, gd);
		String dir = System.getProperty("ivimj.screenshots");
		if (dir != null) {
			Rectangle r = gd.getBounds();
			BufferedImage shot = new Robot().createScreenCapture(r);
			String name = command.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "").toLowerCase() + ".png";
			ImageIO.write(shot, "png", new File(dir, "dialog_" + name));
		}
	}

	/**
	 * Every label, field, checkbox and choice has a size and lies inside the dialog, clear of the others
	 * (a field GenericDialog pushes off its row, as after a wide text field, is not drawn).
	 */
	private static void assertEveryFieldIsDrawn(String command, GenericDialog gd, Container c) {
		java.awt.Point origin = gd.getLocationOnScreen();
		List<Rectangle> placed = new ArrayList<>();
		List<String> names = new ArrayList<>();
		collect(c, origin, placed, names);
		Dimension size = gd.getSize();
		for (int i = 0; i < placed.size(); i++) {
			Rectangle r = placed.get(i);
			assertTrue(r.width > 0 && r.height > 0 && r.x >= 0 && r.y >= 0 && r.x + r.width <= size.width
				&& r.y + r.height <= size.height, command + ": " + names.get(i) + " is not drawn inside the dialog: " + r);
			for (int j = 0; j < i; j++)
				assertTrue(!r.intersects(placed.get(j)), command + ": " + names.get(i) + " overlaps " + names.get(j));
		}
	}

	private static void collect(Container c, java.awt.Point origin, List<Rectangle> placed, List<String> names) {
		for (Component k : c.getComponents()) {
			if (!k.isVisible()) continue;
			if (k instanceof Label || k instanceof java.awt.TextField || k instanceof Checkbox || k instanceof java.awt.Choice) {
				if (k instanceof Label && ((Label) k).getText().isEmpty()) continue;
				java.awt.Point p = k.getLocationOnScreen();
				placed.add(new Rectangle(p.x - origin.x, p.y - origin.y, k.getWidth(), k.getHeight()));
				names.add(k.getClass().getSimpleName() + " \"" + (k instanceof Label ? ((Label) k).getText()
					: k instanceof Checkbox ? ((Checkbox) k).getLabel() : k instanceof java.awt.TextField
						? ((java.awt.TextField) k).getText() : ((java.awt.Choice) k).getSelectedItem()) + "\"");
			}
			if (k instanceof Container) collect((Container) k, origin, placed, names);
		}
	}

	/** The texts shown next to fields and on checkboxes. */
	private static List<String> labels(Container c) {
		List<String> out = new ArrayList<>();
		for (Component k : c.getComponents()) {
			if (k instanceof Label) out.add(((Label) k).getText());
			else if (k instanceof Checkbox) out.add(((Checkbox) k).getLabel());
			if (k instanceof Container) out.addAll(labels((Container) k));
		}
		return out;
	}
}

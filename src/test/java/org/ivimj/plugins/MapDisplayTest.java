package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.LUT;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maps a person can read: outside the region and failed voxels (NaN) render black in every parameter's
 * LUT (not the LUT's first colour, which meant "low D*"), fitted voxels in colour, and the range follows
 * the fitted values (99th percentile) rather than a fixed guess.
 */
class MapDisplayTest {

	@BeforeEach
	void setUp() {
		StatisticsCommandTesting.reset();
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	@Test
	void noValueIsBlackInEveryMapAndFittedVoxelsAreInColour() {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono free stretched region=[ROI Manager (all)]");
		int checked = 0;
		for (ImagePlus map : IjSession.images()) {
			String t = map.getTitle();
			if (t.equals("IVIM_phantom")) continue;
			ImageProcessor ip = map.getProcessor();
			BufferedImage shown = ip.getBufferedImage();
			int outside = shown.getRGB(0, 0) & 0xffffff; // a corner: outside every ROI, NaN
			assertTrue(Float.isNaN(ip.getf(0, 0)), t);
			assertEquals(0, outside, t + ": a pixel without value shows as #" + Integer.toHexString(outside));
			// The metastasis lesion's centre: fitted, so in colour (not black).
			int x = 0, y = 0;
			search:
			for (y = 0; y < map.getHeight(); y++)
				for (x = 0; x < map.getWidth(); x++)
					if (Float.isFinite(ip.getf(x, y)) && ip.getf(x, y) > map.getDisplayRangeMin() + 0.3
						* (map.getDisplayRangeMax() - map.getDisplayRangeMin())) break search;
			assertTrue(y < map.getHeight(), t + ": no fitted voxel");
			assertTrue((shown.getRGB(x, y) & 0xffffff) != 0, t + ": a fitted voxel shows black");
			assertTrue(map.getDisplayRangeMin() < 0, t + ": range starts just below 0");
			checked++;
		}
		assertEquals(9, checked, "mono S0, ADC; free S0, f, D, D*; stretched S0, DDC, alpha");
	}

	@Test
	void theHyperstackShowsEachMapInItsOwnColoursWithACalibrationBarPerChannel() {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		IJ.run("Fit IVIM Maps...", "free region=[ROI Manager (all)] calibration_bar");
		CompositeImage maps = (CompositeImage) IjSession.image("IVIM_phantom_IVIM_maps");
		assertEquals(IJ.COLOR, maps.getMode(), "each channel in its LUT, not grey");
		assertEquals(4, maps.getNChannels(), "S0, f, D, D*");
		// The D* channel as the window draws it: outside the ROIs black, a fitted voxel in colour (not grey).
		maps.setPosition(4, 1, 1);
		maps.updateImage();
		BufferedImage shown = toBuffered(maps.getImage());
		assertEquals(0, shown.getRGB(0, 0) & 0xffffff, "no value is black");
		int coloured = 0;
		ImageProcessor dstar = maps.getStack().getProcessor(maps.getStackIndex(4, 1, 1));
		for (int y = 0; y < maps.getHeight(); y++)
			for (int x = 0; x < maps.getWidth(); x++) {
				int rgb = shown.getRGB(x, y), r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
				if (Float.isFinite(dstar.getf(x, y)) && (r != g || g != b)) coloured++;
			}
		assertTrue(coloured > 100, "fitted D* voxels in the blue-to-red LUT's colours: " + coloured);
		// One bar per channel: numbers at the ends of the range shown in colour, the parameter and unit.
		Overlay overlay = maps.getOverlay();
		assertNotNull(overlay, "calibration bars");
		for (int c = 1; c <= 4; c++) {
			List<String> texts = new ArrayList<>();
			int images = 0;
			for (Roi r : overlay.toArray()) {
				if (r.getCPosition() != c) continue;
				if (r instanceof TextRoi) {
					texts.add(((TextRoi) r).getText().trim());
					assertEquals(java.awt.Color.white, r.getStrokeColor(), "white text on a dark backing");
				}
				if (r instanceof ImageRoi) images++;
				Rectangle bounds = r.getBounds();
				assertTrue(bounds.x >= 0 && bounds.x + bounds.width <= maps.getWidth() + 1, "channel " + c
					+ ": " + r + " inside the image, " + bounds);
			}
			assertEquals(1, images, "channel " + c + ": one gradient");
			assertTrue(texts.contains("0"), "channel " + c + ": the range shown in colour starts at 0, not below: " + texts);
			String parameter = maps.getProp("IVIM.parameter.c" + c);
			assertTrue(texts.stream().anyMatch(t -> t.startsWith(parameter)), "channel " + c + " caption names " + parameter
				+ ": " + texts);
		}
		LUT lut = maps.getChannelLut(4);
		String top = String.format(java.util.Locale.ROOT, "%.3g", lut.max);
		assertTrue(overlay.toArray().length > 0 && java.util.Arrays.stream(overlay.toArray()).anyMatch(r -> r.getCPosition() == 4
			&& r instanceof TextRoi && ((TextRoi) r).getText().trim().equals(top)), "D* bar's top is the display maximum " + top);
		assertEquals("D*", maps.getProp("IVIM.parameter.c4"));
	}

	@Test
	void singleMapsEachGetTheirBarAndKeepItWhenSavedAsTiff(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
		IJ.run("IVIM Phantom...", "slices=1 snr=50 seed=1 add_rois");
		IJ.run("Fit IVIM Maps...", "maps=[single images] free region=[ROI Manager (all)] calibration_bar");
		int checked = 0;
		for (ImagePlus map : IjSession.images()) {
			String parameter = map.getProp(org.ivimj.ij.ParameterMaps.PARAMETER);
			if (parameter == null) continue; // the phantom
			Overlay overlay = map.getOverlay();
			assertNotNull(overlay, map.getTitle() + ": a calibration bar");
			List<String> texts = new ArrayList<>();
			for (Roi r : overlay.toArray()) if (r instanceof TextRoi) texts.add(((TextRoi) r).getText().trim());
			assertTrue(texts.contains("0"), map.getTitle() + ": " + texts);
			assertTrue(texts.stream().anyMatch(t -> t.startsWith(parameter)), map.getTitle() + " caption: " + texts);
			// As a user keeps it: saved as TIFF and reopened, the bar is still there (an overlay, pixels untouched).
			String path = dir.resolve(checked + ".tif").toString();
			assertTrue(IJ.saveAsTiff(map, path));
			ImagePlus reopened = IJ.openImage(path);
			assertNotNull(reopened.getOverlay(), map.getTitle() + " reopened");
			assertEquals(overlay.size(), reopened.getOverlay().size(), map.getTitle() + " reopened");
			assertEquals(map.getProcessor().getf(64, 64), reopened.getProcessor().getf(64, 64), 0, "pixels untouched");
			checked++;
		}
		assertEquals(4, checked, "S0, f, D, D* of the free fit");
	}

	private static BufferedImage toBuffered(java.awt.Image image) {
		BufferedImage b = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
		b.getGraphics().drawImage(image, 0, 0, null);
		return b;
	}
}

package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.testing.DiffusionSeries;
import org.ivimj.testing.IjSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Set b-values... through IJ.run with macro options, from every source. */
class SetBValuesCommandTest {

	private static final double[] B = DiffusionSeries.B;

	@BeforeEach
	void setUp() {
		IjSession.open();
	}

	@AfterEach
	void tearDown() {
		IjSession.close();
	}

	private static ImagePlus series() {
		return DiffusionSeries.create(6, 6, 3, 32, false);
	}

	@Test
	void typedListDetectsFrames() {
		ImagePlus imp = series();
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=[typed list] b-values=[0, 20 50;100,200 400 800 1200] dimension=automatic");
		assertArrayEquals(B, BValueMetadata.bValues(imp), 0);
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
	}

	@Test
	void fslBvalFile(@TempDir Path dir) throws Exception {
		Path bval = dir.resolve("series.bval");
		Files.writeString(bval, "0 20 50 100 200 400 800 1200\n");
		ImagePlus imp = series();
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=file file=[" + bval + "] dimension=frames");
		assertArrayEquals(B, BValueMetadata.bValues(imp), 0);
	}

	@Test
	void oneValuePerLineTextFile(@TempDir Path dir) throws Exception {
		Path txt = dir.resolve("b values.txt");
		Files.writeString(txt, "# b in s/mm2\n0\n20\n50\n100\n200\n400\n800\n1200\n");
		ImagePlus imp = series();
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=file file=[" + txt + "]");
		assertArrayEquals(B, BValueMetadata.bValues(imp), 0);
	}

	@Test
	void bvecFileIsRefused(@TempDir Path dir) throws Exception {
		Path bvec = dir.resolve("series.bvec");
		Files.writeString(bvec, "0 1 0\n0 0 1\n1 0 0\n");
		IjSession.select(series());
		String msg = IjSession.runExpectingError("Set b-values...", "source=file file=[" + bvec + "]");
		assertTrue(msg.contains(".bvec"), msg);
	}

	@Test
	void sliceLabels() {
		ImagePlus imp = series(); // labels "b=0", "b=20", ... along frames
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=[slice labels] dimension=automatic");
		assertArrayEquals(B, BValueMetadata.bValues(imp), 0);
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
	}

	@Test
	void sliceLabelsWithoutEqualsSignOnAPlainStack() {
		ImageStack stack = new ImageStack(4, 4);
		for (String l : new String[] {"DWI b0", "DWI b500", "DWI b1000"}) stack.addSlice(l, new float[16]);
		ImagePlus imp = new ImagePlus("plain", stack);
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=[slice labels]");
		assertArrayEquals(new double[] {0, 500, 1000}, BValueMetadata.bValues(imp), 0);
		assertEquals(BDimension.SLICES, BValueMetadata.dimension(imp));
	}

	@Test
	void imageProperty() {
		ImagePlus imp = series();
		imp.setProperty("Info", "Scanner = GE\nbvalues = 0,20,50,100,200,400,800,1200\n");
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=[image property] property=bvalues");
		assertArrayEquals(B, BValueMetadata.bValues(imp), 0);
	}

	@Test
	void ambiguousDimensionMustBeChosen() {
		ImagePlus imp = DiffusionSeries.create(6, 6, 8, 32, false); // 8 slices and 8 frames
		IjSession.select(imp);
		String msg = IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[0,20,50,100,200,400,800,1200]");
		assertTrue(msg.contains("choose which holds b"), msg);
		IJ.run("Set b-values...", "source=[typed list] b-values=[0,20,50,100,200,400,800,1200] dimension=frames");
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
	}

	@Test
	void countDifferentFromTheChosenDimension() {
		IjSession.select(series());
		String msg = IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[0,500,1000] dimension=frames");
		assertTrue(msg.contains("3 b-values given but the image has 8 frames"), msg);
		msg = IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[0,500,1000,1500,2000]");
		assertTrue(msg.contains("no dimension"), msg);
	}

	@Test
	void badInput() {
		IjSession.select(series());
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[0,fifty]").contains("\"fifty\""));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[0,-5]").contains("≥ 0"));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=[]").contains("No b-values given"));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=file file=[/no/such.bval]").contains("not found"));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[image property] property=nothing")
			.contains("no property"));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[slice labels] dimension=slices")
			.contains("do not name a different b-value"));
		IjSession.select(IJ.createImage("one", "32-bit", 4, 4, 1));
		assertTrue(IjSession.runExpectingError("Set b-values...", "source=[typed list] b-values=0").contains("single image"));
		IjSession.select(null);
		assertTrue(IjSession.runExpectingError("Set b-values...", "b-values=0,1").contains("No image is open"));
	}

	@Test
	void keptInASavedAndReopenedTiff(@TempDir Path dir) {
		ImagePlus imp = series();
		IjSession.select(imp);
		IJ.run("Set b-values...", "source=[typed list] b-values=[0,20,50,100,200,400,800,1200.5]");
		String path = dir.resolve("series.tif").toString();
		assertTrue(IJ.saveAsTiff(imp, path));
		ImagePlus back = IJ.openImage(path);
		assertArrayEquals(new double[] {0, 20, 50, 100, 200, 400, 800, 1200.5}, BValueMetadata.bValues(back), 0);
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(back));
		assertEquals(3, back.getNSlices());
		assertEquals(8, back.getNFrames());
	}
}

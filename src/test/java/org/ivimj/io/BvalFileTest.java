package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BvalFileTest {

	@Test
	void readsFslFiles(@TempDir Path dir) throws Exception {
		assertArrayEquals(new double[] { 0, 1000, 1000, 1000, 1000, 1000, 1000 }, BvalFile.read(SharedData.geReferenceBval()));
		Path f = dir.resolve("a.bval");
		Files.writeString(f, "0\n50\t 800 1.5e3\r\n");
		assertArrayEquals(new double[] { 0, 50, 800, 1500 }, BvalFile.read(f));
	}

	@Test
	void writesOneLine(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("w.bval");
		BvalFile.write(f, new double[] { 0, 0.001, 1000 });
		assertEquals("0 0.001 1000\n", Files.readString(f));
	}

	@Test
	void findsTheFileBesideTheImage() {
		assertEquals(Paths.get("/d/x.bval"), BvalFile.besideNifti(Paths.get("/d/x.nii.gz")));
		assertEquals(Paths.get("/d/x.bval"), BvalFile.besideNifti(Paths.get("/d/x.NII")));
	}

	@Test
	void badValuesAreNamed(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("bad.bval");
		Files.writeString(f, "0 500 abc");
		IvimImportException e = assertThrows(IvimImportException.class, () -> BvalFile.read(f));
		assertEquals(f + ": value 3 'abc' is not a b-value (a number >= 0)", e.getMessage());
		Files.writeString(f, "0 -5");
		assertTrue(assertThrows(IvimImportException.class, () -> BvalFile.read(f)).getMessage().contains("'-5'"));
		Files.writeString(f, "  \n");
		assertTrue(assertThrows(IvimImportException.class, () -> BvalFile.read(f)).getMessage().contains("empty"));
	}
}

package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.ivimj.io.NiftiHeader;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip bomb opened by the NIfTI import command in a -batch macro, in a JVM with a small heap: refused
 * with the numbers before anything is allocated, the macro stopped, exit status 1.
 */
class HostileFileCommandTest {

	@Test
	void aGzipBombStopsTheMacroWithTheNumbersInASmallHeap(@TempDir Path dir) throws Exception {
		// 256 x 256 x 64 x 16 float voxels (268 MB) of zeros: a 260 kB file that a 192 MB heap cannot hold.
		int w = 256, h = 256, d = 64, t = 16;
		NiftiHeader hd = new NiftiHeader();
		hd.dim[0] = 4;
		hd.dim[1] = (short) w;
		hd.dim[2] = (short) h;
		hd.dim[3] = (short) d;
		hd.dim[4] = (short) t;
		for (int i = 5; i < 8; i++) hd.dim[i] = 1;
		for (int i = 1; i < 4; i++) hd.pixdim[i] = 1;
		byte[] header = hd.toBytes();
		Path bomb = dir.resolve("bomb.nii.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
			out.write(header);
			byte[] zeros = new byte[1 << 20];
			for (long n = 0; n < (long) w * h * d * t * 4; n += zeros.length) out.write(zeros);
		}
		Files.writeString(dir.resolve("bomb.bval"), "0 ".repeat(t));
		assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small on disk: " + Files.size(bomb));
		Path macro = dir.resolve("open_bomb.ijm");
		Files.writeString(macro, "run(\"NIfTI Diffusion (IVIM)...\", \"open=[" + bomb + "]\");\n"
			+ "print(\"this line must not run\");\n");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, null, dir, "-Xmx192m");
		assertEquals(1, run.exitCode, run.toString());
		assertTrue(run.output.contains("IVIM-J error: NIfTI Diffusion (IVIM): " + bomb + ": 256 x 256 x 64 x 16 voxels would need about"),
			run.toString());
		assertFalse(run.output.contains("this line must not run"), run.toString());
		assertFalse(run.output.contains("Out of memory"), run.toString());
		assertFalse(run.output.contains("Exception"), run.toString());
	}
}

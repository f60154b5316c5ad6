package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A stored status code says the same as the status it encodes; codes of unreached voxels have no parameters. */
class FitStatusTest {

	@Test
	void storedCodesDecodeAsTheStatus() {
		for (FitStatus s : FitStatus.values()) assertEquals(s.hasParameters(), FitStatus.hasParameters(s.code()), s.name());
		assertFalse(FitStatus.hasParameters(-1), "a voxel not reached (cancelled fit)");
		assertFalse(FitStatus.hasParameters(FitStatus.values().length), "an unknown code");
	}
}

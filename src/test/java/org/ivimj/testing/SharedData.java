package org.ivimj.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real test data in {@code <project>/../shared/data/dicom/}. Missing data fails the test loudly:
 * a silently skipped real-data test would hide a broken importer.
 */
public final class SharedData {

	private SharedData() {}

	/** {@code ../shared/data/dicom/<relative>} beside the project, which must exist. */
	public static Path dicom(String relative) {
		Path p = ImageJHarness.projectDir().resolve("../shared/data/dicom").resolve(relative).normalize();
		if (!Files.exists(p)) fail("Test data missing: " + p + " (CI must copy shared/ beside the project)");
		return p;
	}

	public static Path geDicom() {
		return dicom("ge_signa_dwi/dicom");
	}

	public static Path philipsDicom() {
		return dicom("philips_dwi/dicom");
	}

	public static Path geNifti() {
		return dicom("ge_signa_dwi/reference/Ax_DWI_TENSOR_R2_1.nii");
	}

	public static Path geReferenceBval() {
		return dicom("ge_signa_dwi/reference/Ax_DWI_TENSOR_R2_1.bval");
	}

	public static Path philipsReferenceBval() {
		return dicom("philips_dwi/reference/701_DTI_Biobank_2mm_MB3S2_EPI_cl.bval");
	}
}

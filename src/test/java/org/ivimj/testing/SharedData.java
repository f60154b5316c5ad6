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

	/** Siemens Prisma XA30 enhanced DWI: 21 files (b = 0, 20 directions at 2500) x 39 frames. */
	public static Path siemensEnhancedDwi() {
		return dicom("siemens_xa30_enhanced_dwi/dicom/10_DWI_dir80_PA");
	}

	/** The scanner's ADC map of that series (one enhanced file). */
	public static Path siemensEnhancedAdc() {
		return dicom("siemens_xa30_enhanced_dwi/dicom/11_DWI_dir80_PA_ADC");
	}

	/** The scanner's trace-weighted images of that series (one enhanced file, b = 2500). */
	public static Path siemensEnhancedTracew() {
		return dicom("siemens_xa30_enhanced_dwi/dicom/12_DWI_dir80_PA_TRACEW");
	}

	/** dcm2niix's output for the Siemens enhanced set: {@code 10_DWI_dir80_PA.bval}, {@code 11_DWI_dir80_PA.nii}... */
	public static Path siemensEnhancedReference(String file) {
		return dicom("siemens_xa30_enhanced_dwi/reference/" + file);
	}

	public static Path philipsReferenceBval() {
		return dicom("philips_dwi/reference/701_DTI_Biobank_2mm_MB3S2_EPI_cl.bval");
	}
}

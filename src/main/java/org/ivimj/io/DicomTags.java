package org.ivimj.io;

/** The DICOM attributes (group << 16 | element) the diffusion importer reads. */
public final class DicomTags {

	private DicomTags() {}

	public static final int TRANSFER_SYNTAX_UID = 0x00020010;
	public static final int IMAGE_TYPE = 0x00080008;
	public static final int SOP_CLASS_UID = 0x00080016;
	/** Frame Type, CS: the per-frame Image Type of enhanced images (MR Image Frame Type Sequence). */
	public static final int FRAME_TYPE = 0x00089007;
	public static final int MANUFACTURER = 0x00080070;
	public static final int SERIES_DESCRIPTION = 0x0008103E;
	public static final int SLICE_THICKNESS = 0x00180050;
	public static final int SPACING_BETWEEN_SLICES = 0x00180088;
	/** Diffusion Directionality, CS: DIRECTIONAL, BMATRIX, ISOTROPIC (the scanner's trace) or NONE. */
	public static final int DIFFUSION_DIRECTIONALITY = 0x00189075;
	public static final int DIFFUSION_GRADIENT_DIRECTION_SEQUENCE = 0x00189076;
	/** Diffusion Gradient Orientation, FD x 3. */
	public static final int DIFFUSION_GRADIENT_ORIENTATION = 0x00189089;
	public static final int MR_DIFFUSION_SEQUENCE = 0x00189117;
	public static final int MR_IMAGE_FRAME_TYPE_SEQUENCE = 0x00189226;
	/** Standard Diffusion b-value, FD. */
	public static final int DIFFUSION_B_VALUE = 0x00189087;
	/** Siemens "B_value", IS, private creator SIEMENS MR HEADER. */
	public static final int SIEMENS_B_VALUE = 0x0019100C;
	/** GE "Slop_int_6...9", IS, multi-valued; the first value is the b-value, sometimes + 1e9. */
	public static final int GE_B_VALUE = 0x00431039;
	/** Philips "Diffusion B-Factor", FL. */
	public static final int PHILIPS_B_VALUE = 0x20011003;
	/** Philips "Diffusion Direction", CS: I = isotropic (the scanner's trace image). */
	public static final int PHILIPS_DIFFUSION_DIRECTION = 0x20011004;
	public static final int SERIES_INSTANCE_UID = 0x0020000E;
	public static final int SERIES_NUMBER = 0x00200011;
	public static final int INSTANCE_NUMBER = 0x00200013;
	public static final int IMAGE_POSITION_PATIENT = 0x00200032;
	public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
	public static final int SLICE_LOCATION = 0x00201041;
	public static final int STACK_ID = 0x00209056;
	public static final int IN_STACK_POSITION_NUMBER = 0x00209057;
	public static final int FRAME_CONTENT_SEQUENCE = 0x00209111;
	public static final int PLANE_POSITION_SEQUENCE = 0x00209113;
	public static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
	public static final int TEMPORAL_POSITION_INDEX = 0x00209128;
	public static final int DIMENSION_INDEX_VALUES = 0x00209157;
	public static final int DIMENSION_INDEX_POINTER = 0x00209165;
	public static final int DIMENSION_INDEX_SEQUENCE = 0x00209222;
	public static final int SAMPLES_PER_PIXEL = 0x00280002;
	public static final int NUMBER_OF_FRAMES = 0x00280008;
	public static final int ROWS = 0x00280010;
	public static final int COLUMNS = 0x00280011;
	public static final int PIXEL_SPACING = 0x00280030;
	public static final int BITS_ALLOCATED = 0x00280100;
	public static final int PIXEL_REPRESENTATION = 0x00280103;
	public static final int RESCALE_INTERCEPT = 0x00281052;
	public static final int RESCALE_SLOPE = 0x00281053;
	public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
	public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
	public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
	public static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
	public static final int PIXEL_DATA = 0x7FE00010;

	/** "gggg,eeee", the way ImageJ's DICOM info names a tag. */
	public static String format(int tag) {
		return String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF);
	}

	/**
	 * The value representation of the tags read here, for files in implicit VR where the file does not
	 * say; null for others (read as text).
	 */
	static String knownVr(int tag) {
		switch (tag) {
			case DIFFUSION_B_VALUE: case DIFFUSION_GRADIENT_ORIENTATION: return "FD";
			case PHILIPS_B_VALUE: return "FL";
			case SAMPLES_PER_PIXEL: case ROWS: case COLUMNS: case BITS_ALLOCATED: case PIXEL_REPRESENTATION:
				return "US";
			case PIXEL_DATA: return "OW";
			case IN_STACK_POSITION_NUMBER: case TEMPORAL_POSITION_INDEX: case DIMENSION_INDEX_VALUES: return "UL";
			case DIMENSION_INDEX_POINTER: return "AT";
			case SHARED_FUNCTIONAL_GROUPS_SEQUENCE: case PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE: case MR_DIFFUSION_SEQUENCE:
			case DIFFUSION_GRADIENT_DIRECTION_SEQUENCE: case MR_IMAGE_FRAME_TYPE_SEQUENCE: case FRAME_CONTENT_SEQUENCE:
			case PLANE_POSITION_SEQUENCE: case PLANE_ORIENTATION_SEQUENCE: case PIXEL_MEASURES_SEQUENCE:
			case PIXEL_VALUE_TRANSFORMATION_SEQUENCE: case DIMENSION_INDEX_SEQUENCE:
				return "SQ";
			default: return null;
		}
	}
}

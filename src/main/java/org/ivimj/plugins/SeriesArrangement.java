package org.ivimj.plugins;

import org.ivimj.io.RepeatHandling;
import org.ivimj.io.VolumeOrder;

/**
 * The two options every diffusion-series import shares — how repeats at one b-value and slice are
 * combined, and in which order volumes come — added to a dialog and read back in one place.
 */
final class SeriesArrangement {

	final RepeatHandling repeats;
	final VolumeOrder order;

	private SeriesArrangement(RepeatHandling repeats, VolumeOrder order) {
		this.repeats = repeats;
		this.order = order;
	}

	static void addOptions(CommandOptions gd) {
		gd.addChoice("Repeats", RepeatHandling.labels(), RepeatHandling.TRACE.label);
		gd.addChoice("Order", VolumeOrder.labels(), VolumeOrder.B_VALUE.label);
	}

	/** Reads both options (short forms allowed); null after reporting a bad value under {@code title}. */
	static SeriesArrangement read(CommandOptions gd, String title) {
		try {
			return new SeriesArrangement(RepeatHandling.parse(gd.nextChoiceAsTyped()), VolumeOrder.parse(gd.nextChoiceAsTyped()));
		}
		catch (IllegalArgumentException e) {
			CommandOutput.error(title, e.getMessage());
			return null;
		}
	}
}

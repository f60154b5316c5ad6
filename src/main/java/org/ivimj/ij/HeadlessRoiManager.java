package org.ivimj.ij;

import ij.plugin.frame.RoiManager;

import java.awt.Checkbox;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.Field;
import java.util.ArrayList;

import javax.swing.DefaultListModel;
import javax.swing.JList;

/**
 * Gives headless ImageJ 1 a working ROI Manager.
 * <p>
 * ImageJ's {@link RoiManager} is an AWT window, and AWT refuses to construct windows without a display,
 * so in plain ImageJ 1 the macro function {@code roiManager("add")} and every plugin that reads the ROI
 * Manager fail headless (Fiji patches ImageJ's bytecode for this; we cannot). This class builds a
 * RoiManager without running the window constructors, fills in the fields its list operations need,
 * and registers it as ImageJ's ROI Manager instance, so {@link RoiManager#getInstance()} and the
 * macro functions (add, select, count, reset, rename, delete, ...) work as they do with a window.
 * Window-only operations (show all, labels) stay unavailable.
 */
public final class HeadlessRoiManager {

	private HeadlessRoiManager() {}

	/**
	 * Installs a window-less ROI Manager if the JVM is headless and none exists; returns ImageJ's ROI
	 * Manager (null only if installation failed on an unexpected ImageJ version).
	 */
	public static synchronized RoiManager install() {
		RoiManager existing = RoiManager.getRawInstance();
		if (existing != null || !GraphicsEnvironment.isHeadless()) return existing;
		try {
			RoiManager rm = allocate(RoiManager.class);
			DefaultListModel<String> model = new DefaultListModel<>();
			JList<String> list = new JList<>();
			list.setModel(model);
			set(rm, "list", list);
			set(rm, "listModel", model);
			set(rm, "rois", new ArrayList<>());
			set(rm, "showAllCheckbox", allocate(Checkbox.class));
			set(rm, "labelsCheckbox", allocate(Checkbox.class));
			set(rm, "defaultLineWidth", 1);
			set(rm, "firstTime", true);
			set(rm, "recordShowAll", true);
			set(rm, "translateX", 10.0);
			set(rm, "translateY", 10.0);
			set(rm, "multiCropShow", true);
			Field instance = RoiManager.class.getDeclaredField("instance");
			instance.setAccessible(true);
			instance.set(null, rm);
			return rm;
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("Cannot create a headless ROI Manager on this ImageJ version: " + e, e);
		}
	}

	/** Empties the ROI Manager, if any, without touching a window. */
	public static void reset() {
		RoiManager rm = RoiManager.getRawInstance();
		if (rm != null) rm.reset();
	}

	@SuppressWarnings("unchecked")
	private static <T> T allocate(Class<T> type) throws ReflectiveOperationException {
		// Unsafe.allocateInstance skips the AWT constructors that throw HeadlessException.
		Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
		f.setAccessible(true);
		Object unsafe = f.get(null);
		return (T) unsafe.getClass().getMethod("allocateInstance", Class.class).invoke(unsafe, type);
	}

	private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
		Field f = RoiManager.class.getDeclaredField(name);
		f.setAccessible(true);
		f.set(target, value);
	}
}

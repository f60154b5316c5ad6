package org.ivimj.io;

import java.util.Locale;

/**
 * Refuses to read what would not fit in memory, before allocating it: a file's declared size (a
 * corrupt or hostile header, a gzip bomb) is compared with the Java heap still free, so the user gets
 * the numbers and what to do instead of ImageJ's bare "Out of memory" with the macro going on.
 */
public final class MemoryCheck {

	private MemoryCheck() {}

	/** Bytes the JVM can still allocate: its maximum heap minus what is in use. */
	public static long available() {
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	/**
	 * Throws {@link IvimImportException} naming {@code source} when {@code needed} bytes exceed
	 * {@code available} bytes.
	 */
	public static void require(String source, String what, long needed, long available) throws IvimImportException {
		if (needed <= available) return;
		throw new IvimImportException(source, String.format(Locale.ROOT, "%s would need about %s of memory, but only %s "
			+ "are free (of at most %s): give ImageJ more memory (Edit › Options › Memory & Threads, or java -Xmx), or "
			+ "check that the file is what you meant to open", what, size(needed), size(available),
			size(Runtime.getRuntime().maxMemory())));
	}

	/** {@link #require(String, String, long, long)} against the heap free now. */
	public static void require(String source, String what, long needed) throws IvimImportException {
		if (needed > available()) System.gc(); // free garbage before refusing
		require(source, what, needed, available());
	}

	static String size(long bytes) {
		if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
		return String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / (double) (1L << 20)));
	}
}

package org.ivimj.io;

import java.io.IOException;

/**
 * The one error the importers and the NIfTI writer throw for input they cannot use: it names the file
 * (or image) and says what is wrong with it, in words a user can act on.
 */
public class IvimImportException extends IOException {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final String problem;

	/** @param source the file or image at fault; @param problem what is wrong with it */
	public IvimImportException(String source, String problem) {
		super(source + ": " + problem);
		this.source = source;
		this.problem = problem;
	}

	/** Same, keeping the low-level cause for debugging. */
	public IvimImportException(String source, String problem, Throwable cause) {
		super(source + ": " + problem, cause);
		this.source = source;
		this.problem = problem;
	}

	/** The file or image at fault. */
	public String source() {
		return source;
	}

	/** What is wrong, without the file name. */
	public String problem() {
		return problem;
	}
}

package org.ivimj.cli;

/** Bad input to the study runner (a missing file or option); its message says what to do. */
final class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CliException(String message) {
		super(message);
	}
}

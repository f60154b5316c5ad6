package org.ivimj.plugins;

/** A problem with the user's input or options; its message says what to do. */
final class CommandException extends org.ivimj.ij.IvimInputException {

	private static final long serialVersionUID = 1L;

	CommandException(String message) {
		super(message);
	}
}

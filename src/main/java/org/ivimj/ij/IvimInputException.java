package org.ivimj.ij;

/**
 * Bad input from the user (image, b-values, ROIs, options): the message says what is wrong and what to
 * do, and commands show it with {@code IJ.error}, which aborts a running macro.
 */
public class IvimInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public IvimInputException(String message) {
		super(message);
	}
}

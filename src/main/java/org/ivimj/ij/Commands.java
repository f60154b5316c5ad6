package org.ivimj.ij;

import java.util.Collections;
import java.util.Map;

import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.MethodCallException;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Runs IVIM-J's commands from Java without menus or dialogs, with the option line a macro would give
 * ({@code "free region=[whole image] table"}, the same keys, the same checks) plus objects a macro cannot
 * pass (the image, ROI lists). No display is needed: this is how the study runner works on a cluster.
 * Scripts can equally use SciJava's {@code CommandService} with named inputs.
 */
public final class Commands {

	private Commands() {}

	/** The command's module, its object inputs set, initialised. */
	public static Module module(Class<?> command, Map<String, Object> inputs) {
		CommandInfo info = SciJava.context().service(CommandService.class).getCommand(command.getName());
		if (info == null) throw new IllegalArgumentException(command.getName() + " is not a SciJava command.");
		return module(info, inputs);
	}

	/** The same for a command found by its info (e.g. by class name). */
	public static Module module(CommandInfo info, Map<String, Object> inputs) {
		Module module = SciJava.context().service(ModuleService.class).createModule(info);
		for (Map.Entry<String, Object> e : inputs.entrySet()) {
			if (info.getInput(e.getKey()) == null) throw new IllegalArgumentException(title(module) + " has no input " + e.getKey() + ".");
			module.setInput(e.getKey(), e.getValue());
			module.resolveInput(e.getKey());
		}
		try {
			module.initialize();
		}
		catch (MethodCallException e) {
			throw new IllegalStateException(e);
		}
		return module;
	}

	/**
	 * Runs a command on this thread with {@code inputs} and the macro-style {@code options}; returns the
	 * module, whose outputs are read by name. Bad input throws {@link IvimInputException} (its message
	 * begins with the command's title).
	 */
	public static Module run(Class<?> command, String options, Map<String, Object> inputs) {
		Module module = module(command, inputs);
		String title = title(module);
		try {
			new CommandDialog(module, title, null).fill(options);
			module.run();
		}
		catch (IvimInputException e) {
			throw e.getMessage().startsWith(title + ":") ? e : new IvimInputException(title + ": " + e.getMessage());
		}
		return module;
	}

	/** The same without object inputs. */
	public static Module run(Class<?> command, String options) {
		return run(command, options, Collections.emptyMap());
	}

	static String title(Module module) {
		return CommandPlugIn.title(module.getInfo().getLabel());
	}
}

package org.ivimj.ij;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * Checks a command's inputs against what its {@code @Parameter}s declare ({@code min}, {@code max},
 * {@code choices}), whichever route set them: a dialog, a macro line or a script through SciJava's
 * {@code CommandService} (which does not check them itself). A choice given in a short form ("trace"
 * for "trace (geometric mean)", any case) is replaced by the declared item. The declaration stays the
 * one place a bound is written.
 */
public final class DeclaredInputs {

	private DeclaredInputs() {}

	/** Checks every declared input of {@code command}; throws {@link IvimInputException} naming the key and the allowed values. */
	public static void check(Object command, String title) {
		for (Field f : fields(command.getClass())) {
			Parameter p = f.getAnnotation(Parameter.class);
			if (p.type() == ItemIO.OUTPUT) continue;
			try {
				f.setAccessible(true);
				Object v = f.get(command);
				if (v instanceof Number) {
					double x = ((Number) v).doubleValue();
					boolean low = !p.min().isEmpty() && !(x >= Double.parseDouble(p.min()));
					boolean high = !p.max().isEmpty() && !(x <= Double.parseDouble(p.max()));
					if (low || high)
						throw new IvimInputException(title + ": " + f.getName() + "=" + format(x) + " is out of range: give "
							+ range(p) + ".");
				}
				else if (v instanceof String && p.choices().length > 0)
					f.set(command, InputKind.match(p.choices(), (String) v, f.getName(), title + ": "));
				else if (v instanceof String && p.style().contains("choice") && command instanceof ChoiceSource)
					f.set(command, InputKind.match(((ChoiceSource) command).choices(f.getName()), (String) v, f.getName(), title + ": "));
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** The @Parameter fields of a class and its superclasses. */
	static List<Field> fields(Class<?> c) {
		List<Field> out = new ArrayList<>();
		for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
			for (Field f : k.getDeclaredFields())
				if (f.isAnnotationPresent(Parameter.class) && !Modifier.isStatic(f.getModifiers())) out.add(f);
		return out;
	}

	private static String range(Parameter p) {
		if (!p.min().isEmpty() && !p.max().isEmpty()) return "a value from " + p.min() + " to " + p.max();
		return !p.min().isEmpty() ? "a value of at least " + p.min() : "a value of at most " + p.max();
	}

	private static String format(double x) {
		return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
	}
}

package org.ivimj.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The few JSON values the runner's sidecar needs: objects, lists, strings, numbers. */
final class Json {

	private Json() {}

	static String object(Map<String, Object> m) {
		StringBuilder sb = new StringBuilder("{\n");
		append(sb, m, "  ");
		return sb.append("\n}\n").toString();
	}

	@SuppressWarnings("unchecked")
	private static void value(StringBuilder sb, Object v, String indent) {
		if (v instanceof Map) {
			sb.append("{\n");
			append(sb, (Map<String, Object>) v, indent + "  ");
			sb.append('\n').append(indent).append('}');
		}
		else if (v instanceof List) {
			sb.append('[');
			Iterator<?> it = ((List<?>) v).iterator();
			while (it.hasNext()) {
				value(sb, it.next(), indent);
				if (it.hasNext()) sb.append(", ");
			}
			sb.append(']');
		}
		else if (v instanceof Number) {
			double d = ((Number) v).doubleValue();
			sb.append(Double.isFinite(d) ? v.toString() : "null");
		}
		else if (v == null) sb.append("null");
		else string(sb, v.toString());
	}

	private static void append(StringBuilder sb, Map<String, Object> m, String indent) {
		Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator();
		while (it.hasNext()) {
			Map.Entry<String, Object> e = it.next();
			sb.append(indent);
			string(sb, e.getKey());
			sb.append(": ");
			value(sb, e.getValue(), indent);
			if (it.hasNext()) sb.append(",\n");
		}
	}

	private static void string(StringBuilder sb, String s) {
		sb.append('"');
		for (char c : s.toCharArray()) {
			if (c == '"' || c == '\\') sb.append('\\').append(c);
			else if (c == '\n') sb.append("\\n");
			else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
			else sb.append(c);
		}
		sb.append('"');
	}
}

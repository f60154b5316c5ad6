package org.ivimj.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small recursive-descent JSON reader for test fixtures, so tests need no JSON library: objects
 * become {@code LinkedHashMap<String, Object>} (key order kept), arrays {@code List<Object>}, numbers
 * {@code Double}, plus {@code String}, {@code Boolean} and {@code null}. Malformed input throws an
 * IllegalArgumentException that gives the offset.
 */
public final class Json {

	private final String s;
	private int i;

	private Json(String text) {
		s = text;
	}

	/** Parses one JSON value that makes up the whole text. */
	public static Object parse(String text) {
		Json p = new Json(text);
		Object v = p.value();
		p.skipSpace();
		if (p.i != p.s.length()) throw p.error("trailing characters");
		return v;
	}

	private Object value() {
		skipSpace();
		if (i >= s.length()) throw error("unexpected end of input");
		char c = s.charAt(i);
		if (c == '{') return object();
		if (c == '[') return array();
		if (c == '"') return string();
		if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
		if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
		if (s.startsWith("null", i)) { i += 4; return null; }
		return number();
	}

	private Map<String, Object> object() {
		Map<String, Object> m = new LinkedHashMap<>();
		i++; // {
		skipSpace();
		if (peek() == '}') { i++; return m; }
		while (true) {
			skipSpace();
			if (peek() != '"') throw error("expected a key");
			String key = string();
			skipSpace();
			expect(':');
			m.put(key, value());
			skipSpace();
			if (peek() == ',') { i++; continue; }
			expect('}');
			return m;
		}
	}

	private List<Object> array() {
		List<Object> a = new ArrayList<>();
		i++; // [
		skipSpace();
		if (peek() == ']') { i++; return a; }
		while (true) {
			a.add(value());
			skipSpace();
			if (peek() == ',') { i++; continue; }
			expect(']');
			return a;
		}
	}

	private String string() {
		StringBuilder b = new StringBuilder();
		i++; // opening quote
		while (true) {
			if (i >= s.length()) throw error("unterminated string");
			char c = s.charAt(i++);
			if (c == '"') return b.toString();
			if (c != '\\') { b.append(c); continue; }
			char e = s.charAt(i++);
			switch (e) {
				case 'n': b.append('\n'); break;
				case 't': b.append('\t'); break;
				case 'r': b.append('\r'); break;
				case 'b': b.append('\b'); break;
				case 'f': b.append('\f'); break;
				case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
				default: b.append(e); // \" \\ \/
			}
		}
	}

	private Double number() {
		int start = i;
		while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
		if (start == i) throw error("unexpected character '" + s.charAt(i) + "'");
		try {
			return Double.valueOf(s.substring(start, i));
		}
		catch (NumberFormatException e) {
			throw error("bad number " + s.substring(start, i));
		}
	}

	private void skipSpace() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
	}

	private char peek() {
		return i < s.length() ? s.charAt(i) : '\0';
	}

	private void expect(char c) {
		if (peek() != c) throw error("expected '" + c + "'");
		i++;
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("JSON: " + what + " at offset " + i);
	}
}

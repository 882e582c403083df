package org.rhip.surveillance.detect;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parameters of one detector as {@code NAME=VALUE} text, named as in the method's reference
 * implementation. A detector reads each with its default; {@link #checkAllUsed} then rejects names
 * the method does not know, so a typo never silently falls back to a default.
 */
public final class DetectorParams {

	private final Map<String, String> values;

	private final Set<String> read = new LinkedHashSet<>();

	private DetectorParams(Map<String, String> values) {
		this.values = values;
	}

	public static DetectorParams of(Map<String, String> values) {
		return new DetectorParams(new LinkedHashMap<>(values));
	}

	public static DetectorParams none() {
		return of(Map.of());
	}

	public int integer(String name, int defaultValue) {
		String text = text(name);
		if (text == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new ParameterProblem(name, "must be a whole number, not '" + text + "'");
		}
	}

	public double decimal(String name, double defaultValue) {
		String text = text(name);
		if (text == null) {
			return defaultValue;
		}
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new ParameterProblem(name, "must be a number, not '" + text + "'");
		}
	}

	public boolean bool(String name, boolean defaultValue) {
		String text = text(name);
		if (text == null) {
			return defaultValue;
		}
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "true", "t", "1", "yes" -> true;
			case "false", "f", "0", "no" -> false;
			default -> throw new ParameterProblem(name, "must be true or false, not '" + text + "'");
		};
	}

	/** One of {@code allowed}. */
	public String choice(String name, String defaultValue, String... allowed) {
		String text = text(name);
		if (text == null) {
			return defaultValue;
		}
		for (String option : allowed) {
			if (option.equals(text.trim())) {
				return option;
			}
		}
		throw new ParameterProblem(name, "must be one of " + String.join(", ", allowed) + ", not '" + text + "'");
	}

	/** The text as given, trimmed. */
	public String string(String name, String defaultValue) {
		String text = text(name);
		return text == null ? defaultValue : text.trim();
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	/** Rejects any parameter the method did not read. */
	public void checkAllUsed(String method) {
		for (String name : values.keySet()) {
			if (!read.contains(name)) {
				throw new ParameterProblem(name, "is not a parameter of " + method + " (it takes "
						+ (read.isEmpty() ? "none" : String.join(", ", read)) + ")");
			}
		}
	}

	private String text(String name) {
		read.add(name);
		return values.get(name);
	}

	@Override
	public String toString() {
		return values.toString();
	}

}

package org.rhip.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The evaluator explains itself in short English sentences (a judgement's reason, a note on a
 * baseline check). This puts them into the reader's language through the message bundles, keeping
 * the English sentence whenever no message matches.
 */
@Component
class Wording {

	private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");

	private static final Pattern AGREES = Pattern.compile(
			"the (\\d{4}) value computed from the (\\w+) \\((.+?)\\) agrees with the printed baseline (.+)");

	private static final Pattern MISMATCH = Pattern.compile(
			"MISMATCH: the (\\d{4}) value computed from the (\\w+) is (.+?) but the plan prints (.+)");

	private final MessageSource messages;

	Wording(MessageSource messages) {
		this.messages = messages;
	}

	/** A judgement's reason: "no value for 2021" → "2021年无数值". */
	String reason(String reason, Locale locale) {
		Matcher year = YEAR.matcher(reason);
		String arg = year.find() ? year.group(1) : "";
		String key = "reason." + reason.toLowerCase(Locale.ROOT).replaceAll("\\b\\d{4}\\b", "y").replaceAll("[^a-z]+", "-")
			.replaceAll("^-|-$", "");
		return messages.getMessage(key, new Object[] { arg }, reason, locale);
	}

	/** A note of the evaluator on a row (baseline checks). */
	String note(String note, Locale locale) {
		Matcher m = AGREES.matcher(note);
		if (m.matches()) {
			return messages.getMessage("note.baseline-agrees",
					new Object[] { m.group(1), source(m.group(2), locale), m.group(3), m.group(4) }, note, locale);
		}
		m = MISMATCH.matcher(note);
		if (m.matches()) {
			return messages.getMessage("note.baseline-mismatch",
					new Object[] { m.group(1), source(m.group(2), locale), m.group(3), m.group(4) }, note, locale);
		}
		return note;
	}

	private String source(String key, Locale locale) {
		return messages.getMessage("source." + key, null, key, locale);
	}

}

package org.rhip.person.linkage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Normalises a personal name for comparison: strips spaces and middle dots, folds full-width letters,
 * traditional and variant characters (陳麗華 → 陈丽华), and gives its toneless pinyin (ü as v). A
 * polyphonic character has all its readings, except in the surname, which takes its surname reading
 * (单 shan, 曾 zeng, 尉迟 yuchi). A latin name ("ZHANG Wei", "Wei Zhang", "zhangwei") is read in the
 * order its capitals or a comma show, else with the known surname first, and also in the other order.
 * Thread-safe.
 */
public final class NameNormalizer {

	/** Readings kept per name: enough for two polyphonic characters, bounded for odd inputs. */
	static final int MAX_READINGS = 8;

	private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

	public NameNormalizer() {
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	/** Empty when nothing of a name is left (null, blank, only punctuation). */
	public Optional<NormalizedName> normalize(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		StringBuilder folded = new StringBuilder(raw.length());
		boolean han = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = ChineseCharacters.halfWidth(raw.charAt(i));
			if (ChineseCharacters.isHan(c)) {
				han = true;
				c = ChineseCharacters.standard(c);
			}
			folded.append(c);
		}
		return han ? chinese(folded.toString()) : latin(folded.toString());
	}

	/** The standard characters of a name, without spaces, dots or other marks. */
	public String normalizeCharacters(String raw) {
		return normalize(raw).map(NormalizedName::text).orElse("");
	}

	private Optional<NormalizedName> chinese(String folded) {
		// tokens: one per Han character, one per run of latin letters (张wei); everything else dropped
		List<String> tokens = new ArrayList<>();
		StringBuilder latinRun = new StringBuilder();
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (ChineseCharacters.isHan(c)) {
				flush(latinRun, tokens);
				tokens.add(String.valueOf(c));
			}
			else if (Character.isLetter(c)) {
				latinRun.append(Character.toLowerCase(c));
			}
			else {
				flush(latinRun, tokens);
			}
		}
		flush(latinRun, tokens);
		String text = String.join("", tokens);
		int surnameTokens = ChineseCharacters.isHan(text.charAt(0)) ? Surnames.length(text) : 1;
		String surname = String.join("", tokens.subList(0, surnameTokens));
		List<String> surnameReadings;
		String fixed = Surnames.reading(surname);
		if (fixed != null) {
			surnameReadings = List.of(fixed);
		}
		else {
			surnameReadings = combine(tokens.subList(0, surnameTokens));
		}
		List<String> givenReadings = combine(tokens.subList(surnameTokens, tokens.size()));
		List<NormalizedName.Reading> readings = new ArrayList<>();
		for (String s : surnameReadings) {
			for (String g : givenReadings) {
				if (readings.size() < MAX_READINGS) {
					readings.add(new NormalizedName.Reading(s, g));
				}
			}
		}
		List<String> syllables = new ArrayList<>();
		syllables.add(surnameReadings.get(0));
		for (String token : tokens.subList(surnameTokens, tokens.size())) {
			syllables.add(readings(token).get(0));
		}
		return Optional.of(new NormalizedName(text, false, syllables, readings));
	}

	private static void flush(StringBuilder run, List<String> tokens) {
		if (run.length() > 0) {
			tokens.add(run.toString());
			run.setLength(0);
		}
	}

	/** All pinyin strings of a token sequence (product of the readings of its characters), capped. */
	private List<String> combine(List<String> tokens) {
		List<String> forms = List.of("");
		for (String token : tokens) {
			List<String> next = new ArrayList<>();
			for (String prefix : forms) {
				for (String reading : readings(token)) {
					if (next.size() < MAX_READINGS) {
						next.add(prefix + reading);
					}
				}
			}
			forms = next;
		}
		return forms;
	}

	/** Toneless readings of one token: a Han character's from the dictionary, a latin run itself. */
	private List<String> readings(String token) {
		if (token.length() != 1 || !ChineseCharacters.isHan(token.charAt(0))) {
			return List.of(token);
		}
		String[] found;
		try {
			found = PinyinHelper.toHanyuPinyinStringArray(token.charAt(0), format);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException("the pinyin format is fixed and valid", ex);
		}
		if (found == null || found.length == 0) {
			return List.of(token); // a rare character: compared as itself
		}
		return new ArrayList<>(new LinkedHashSet<>(List.of(found)));
	}

	private Optional<NormalizedName> latin(String folded) {
		String plain = Normalizer.normalize(folded, Normalizer.Form.NFD)
			.replace("\u0308", "v") // ü, with its diaeresis decomposed, is written v in pinyin
			.replaceAll("\\p{M}", "");
		boolean commaAfterFirst = plain.matches("\\s*[A-Za-z'\\-]+\\s*,.*");
		List<String> original = new ArrayList<>();
		for (String token : plain.split("[^A-Za-z'\\-]+")) {
			String letters = token.replaceAll("['\\-]", "");
			if (!letters.isEmpty()) {
				original.add(letters);
			}
		}
		if (original.isEmpty()) {
			return Optional.empty();
		}
		List<String> tokens = original.stream().map(t -> t.toLowerCase(Locale.ROOT)
			.replace("lyu", "lv") // the passport spelling of ü after l and n (GB/T 28039)
			.replace("nyu", "nv")).toList();
		String text = String.join(" ", tokens);
		List<NormalizedName.Reading> readings = new ArrayList<>();
		List<String> syllables;
		if (tokens.size() == 1) {
			String word = tokens.get(0);
			for (int cut = word.length() - 1; cut >= 1; cut--) {
				if (Surnames.isKnownPinyin(word.substring(0, cut))) {
					readings.add(new NormalizedName.Reading(word.substring(0, cut), word.substring(cut)));
					break;
				}
			}
			for (int cut = 1; cut < word.length(); cut++) {
				if (Surnames.isKnownPinyin(word.substring(cut))) {
					readings.add(new NormalizedName.Reading(word.substring(cut), word.substring(0, cut)));
					break;
				}
			}
			if (readings.isEmpty()) {
				readings.add(new NormalizedName.Reading(word, ""));
			}
			syllables = List.of(word);
		}
		else {
			NormalizedName.Reading first = new NormalizedName.Reading(tokens.get(0),
					String.join("", tokens.subList(1, tokens.size())));
			NormalizedName.Reading last = new NormalizedName.Reading(tokens.get(tokens.size() - 1),
					String.join("", tokens.subList(0, tokens.size() - 1)));
			boolean surnameLast = !commaAfterFirst && surnameLast(original, tokens);
			readings.add(surnameLast ? last : first);
			readings.add(surnameLast ? first : last);
			List<String> ordered = new ArrayList<>(tokens);
			if (surnameLast) {
				ordered.add(0, ordered.remove(ordered.size() - 1));
			}
			syllables = ordered;
		}
		return Optional.of(new NormalizedName(text, true, syllables, new ArrayList<>(new LinkedHashSet<>(readings))));
	}

	/**
	 * Whether the last token is the surname: it alone is in capitals ("Wei ZHANG"), or it is a known
	 * surname and the first token is not. Chinese order is the default.
	 */
	private static boolean surnameLast(List<String> original, List<String> tokens) {
		int last = tokens.size() - 1;
		boolean firstCaps = isCaps(original.get(0));
		boolean lastCaps = isCaps(original.get(last));
		if (firstCaps != lastCaps) {
			return lastCaps;
		}
		return !Surnames.isKnownPinyin(tokens.get(0)) && Surnames.isKnownPinyin(tokens.get(last));
	}

	private static boolean isCaps(String token) {
		return token.length() > 1 && token.equals(token.toUpperCase(Locale.ROOT));
	}

}

package org.rhip.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rhip.person.LinkEvent;
import org.rhip.person.Person;
import org.rhip.person.PersonApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.ClinicalEvent;
import org.rhip.registry.RegistryApi;
import org.rhip.security.AuditTrail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the person pages share: a person, their source records, linkage history and audit trail as
 * rows of text in the reader's language (sex as 男/女, dates as 1985年5月6日, place and institution
 * names from the registry), and the per-field comparison of a review item. Identifiers are shown as
 * {@link PersonApi} returns them: masked unless the page was unmasked with a reason.
 */
@Component
class PersonPages {

	/** A person's identity as the page shows it. */
	public record PersonRow(long id, String idNumber, String name, String sex, String birthDate, String phone,
			String place, String address, String household, String resident, String deathDate, String status,
			String statusLabel, Long mergedInto, List<DocumentRow> documents, boolean masked) {

		public boolean merged() {
			return mergedInto != null;
		}

	}

	/** An identity document other than the resident ID number. */
	public record DocumentRow(String type, String number) {
	}

	/** A source record that linked to the person, with the demographics it came with (masked). */
	public record SourceRow(String institution, String system, String value, String linkedBy, String linkedByLabel,
			String name, String idNumber, String sex, String birthDate, String phone, String place) {
	}

	/** One step of the linkage history. */
	public record HistoryRow(String at, String actor, String kind, String kindLabel, Long otherPersonId, String score,
			String detail) {
	}

	/** One entry of the audit trail. */
	public record AuditRow(String at, String actor, String action, String what, String purpose) {
	}

	/**
	 * One field of a review item's comparison: the level the matcher found and its weight, with
	 * {@code agreement} {@code agree}, {@code disagree} or {@code neutral} (the weight's sign).
	 */
	public record Comparison(String field, String fieldLabel, String level, String levelLabel, String weight,
			String agreement) {
	}

	/** One entry of the record timeline. */
	public record TimelineRow(String date, String kind, String kindLabel, String title, String code, String detail,
			String institution, String status) {
	}

	/** The entries of one year, newest first; {@code year} empty for undated entries. */
	public record YearGroup(String year, String label, List<TimelineRow> rows) {
	}

	private final RegistryApi registry;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	PersonPages(RegistryApi registry, MessageSource messages) {
		this.registry = registry;
		this.messages = messages;
	}

	PersonRow row(Person p, Locale locale) {
		String none = label("common.none", locale);
		return new PersonRow(p.id(), orNone(p.idNumber(), none), orNone(p.name(), none), sex(p.sex(), locale),
				orNone(longDate(p.birthDate(), locale), none), orNone(p.phone(), none),
				p.orgUnitCode() == null ? none : placeName(p.orgUnitCode(), locale), orNone(p.address(), none),
				yesNo(p.household(), locale), yesNo(p.resident(), locale), longDate(p.deathDate(), locale), p.status(),
				label("person.status." + p.status(), locale), p.mergedInto(),
				p.documents().stream()
					.map(d -> new DocumentRow(label("document." + d.type(), null, d.type(), locale), d.number()))
					.toList(),
				p.isMasked());
	}

	SourceRow source(Map<String, Object> s, Locale locale) {
		String none = label("common.none", locale);
		String institution = text(s.get("institution"));
		String institutionName = institution == null ? none
				: registry.findInstitution(institution).map(i -> i.name()).orElse(institution);
		String linkedBy = text(s.get("linkedBy"));
		String birth = text(s.get("birthDate"));
		String place = text(s.get("orgUnitCode"));
		return new SourceRow(institutionName, text(s.get("system")), text(s.get("value")), linkedBy,
				linkedBy == null ? none : label("linked-by." + linkedBy, null, linkedBy, locale),
				orNone(text(s.get("name")), none), orNone(text(s.get("idNumber")), none), sex(text(s.get("sex")), locale),
				birth == null ? none : orNone(longDate(SurveillancePages.parseDate(birth).orElse(null), locale), birth),
				orNone(text(s.get("phone")), none), place == null ? none : placeName(place, locale));
	}

	HistoryRow history(LinkEvent e, long personId, Locale locale) {
		// a link event's reason is how the record was linked (its outcome key)
		String detail = e.reason() == null ? ""
				: e.kind().equals("link") ? label("linked-by." + e.reason(), null, e.reason(), locale) : e.reason();
		Long other = e.personId() == personId ? e.otherPersonId() : Long.valueOf(e.personId());
		return new HistoryRow(SurveillancePages.time(e.at()), e.actor(), e.kind(),
				label("link-kind." + e.kind(), null, e.kind(), locale), other, score(e.score()), detail);
	}

	AuditRow audit(AuditTrail.Entry e, Locale locale) {
		return new AuditRow(SurveillancePages.time(e.at()), e.actor(), label("audit.action." + e.action(), null,
				e.action(), locale), e.what() == null ? "" : e.what(), e.purpose() == null ? "" : e.purpose());
	}

	/** The timeline grouped by year (newest first, undated last), each entry in the reader's words. */
	List<YearGroup> timeline(List<ClinicalEvent> events, Locale locale) {
		Map<Integer, List<TimelineRow>> byYear = new java.util.LinkedHashMap<>();
		Map<String, String> institutions = new java.util.HashMap<>();
		DateTimeFormatter day = DateTimeFormatter.ofPattern(ConsoleView.isEnglish(locale) ? "MMM d" : "M月d日", locale);
		for (ClinicalEvent e : events) {
			String institution = e.institution() == null ? ""
					: institutions.computeIfAbsent(e.institution(),
							code -> registry.findInstitution(code).map(i -> i.name()).orElse(code));
			String title = e.text() != null && !e.text().isBlank() ? e.text() : e.code() == null ? "" : e.code();
			byYear.computeIfAbsent(e.date() == null ? null : e.date().getYear(), y -> new ArrayList<>())
				.add(new TimelineRow(e.date() == null ? "" : day.format(e.date()), e.kind(),
						label("timeline.kind." + e.kind(), null, e.kind(), locale), title,
						e.code() == null || e.code().equals(title) ? "" : e.code(), detail(e, locale), institution,
						e.status() == null ? "" : e.status()));
		}
		List<YearGroup> groups = new ArrayList<>();
		byYear.forEach((year, rows) -> groups.add(year == null
				? new YearGroup("", label("timeline.undated", locale), rows)
				: new YearGroup(String.valueOf(year), label("common.year", new Object[] { String.valueOf(year) },
						String.valueOf(year), locale), rows)));
		return groups;
	}

	/** What the projection keeps besides the code, in words: 门诊, 第 2 剂, 检验, 处方. */
	private String detail(ClinicalEvent e, Locale locale) {
		if (e.detail() == null || e.detail().isBlank()) {
			return "";
		}
		return switch (e.kind()) {
			case ClinicalEvent.IMMUNIZATION -> label("timeline.dose", new Object[] { e.detail() }, e.detail(), locale);
			default -> label("timeline." + e.kind() + "." + e.detail(), null, e.detail(), locale);
		};
	}

	/**
	 * The per-field comparison of a review item, from its {@code weights} JSON
	 * ({@code {"name":{"level":"same_pinyin","weight":5.2},...}}): every key that is there, in its order.
	 */
	List<Comparison> comparisons(String weights, Locale locale) {
		List<Comparison> out = new ArrayList<>();
		if (weights == null || weights.isBlank()) {
			return out;
		}
		JsonNode root;
		try {
			root = json.readTree(weights);
		}
		catch (RuntimeException ex) {
			return out;
		}
		if (root == null || !root.isObject()) {
			return out;
		}
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			JsonNode value = field.getValue();
			String level = value.isObject() && value.hasNonNull("level") ? value.get("level").asString()
					: value.isString() ? value.asString() : "";
			Double weight = value.isObject() && value.hasNonNull("weight") && value.get("weight").isNumber()
					? value.get("weight").asDouble() : value.isNumber() ? value.asDouble() : null;
			String agreement = weight == null || weight == 0 ? "neutral" : weight > 0 ? "agree" : "disagree";
			out.add(new Comparison(field.getKey(), label("review.field." + fieldKey(field.getKey()), null, field.getKey(),
					locale), level, level.isEmpty() ? "" : label("review.level." + levelKey(level), null, level, locale),
					score(weight), agreement));
		}
		return out;
	}

	/** A field of the weights as a message key: {@code birthDate}, {@code birth_date}, {@code birth date} → {@code birthdate}. */
	static String fieldKey(String field) {
		return field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	/** A level as a message key: {@code same pinyin}, {@code same_pinyin} → {@code same_pinyin}; {@code day/month swapped} → {@code day_month_swapped}. */
	static String levelKey(String level) {
		return level.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	/**
	 * A refusal of the person module in the reader's language: {@code problem.<code>.<sentence>} for
	 * codes with several sentences (the ID number checks), else {@code problem.<code>}, else the
	 * module's English sentence. None of them repeats the identifier.
	 */
	String problem(InvalidInput ex, Locale locale) {
		String sentence = ex.getMessage() == null ? ""
				: ex.getMessage().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		String general = messages.getMessage("problem." + ex.code(), null, ex.getMessage(), locale);
		return messages.getMessage("problem." + ex.code() + "." + sentence, null, general, locale);
	}

	String placeName(String code, Locale locale) {
		return registry.findOrgUnit(code).map(u -> SurveillancePages.name(u, locale)).orElse(code);
	}

	String sex(String code, Locale locale) {
		return code == null ? label("common.none", locale) : label("sex." + code, null, code, locale);
	}

	/** 1985年5月6日 in Chinese, May 6, 1985 in English; empty for no date. */
	static String longDate(LocalDate date, Locale locale) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	String yesNo(Boolean value, Locale locale) {
		return value == null ? label("common.none", locale) : label(value ? "common.yes" : "common.no", locale);
	}

	String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	String label(String key, Object[] args, String fallback, Locale locale) {
		return messages.getMessage(key, args, fallback, locale);
	}

	static String score(Double score) {
		if (score == null) {
			return "";
		}
		return new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(score);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static String orNone(String value, String none) {
		return value == null || value.isBlank() ? none : value;
	}

}

package org.rhip.care.immunization;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rhip.care.immunization.Series.Candidate;
import org.rhip.care.immunization.Series.Slot;
import org.rhip.platform.yaml.YamlNode;

/**
 * Reads {@code care/nip-schedule.yaml}: the base edition (no {@code amends}) and the amendments, each
 * replacing whole series from its {@code effective} date. Any fault fails with file, line and reason.
 */
final class ScheduleReader {

	private record Edition(String id, LocalDate effective, Map<String, YamlNode> series) {
	}

	private ScheduleReader() {
	}

	static NipSchedule read(String file, InputStream in) {
		YamlNode root = YamlNode.parse(file, in);
		Map<String, String> vaccines = new LinkedHashMap<>();
		for (YamlNode v : root.list("vaccines")) {
			if (vaccines.put(v.string("code"), v.string("name")) != null) {
				throw v.problem("vaccine " + v.string("code") + " is listed twice");
			}
		}
		Edition base = null;
		List<Edition> amendments = new ArrayList<>();
		for (YamlNode e : root.list("editions")) {
			Map<String, YamlNode> series = new LinkedHashMap<>();
			for (YamlNode s : e.list("series")) {
				if (series.put(s.string("code"), s) != null) {
					throw s.problem("series " + s.string("code") + " is listed twice in edition " + e.string("id"));
				}
			}
			Edition edition = new Edition(e.string("id"), e.optionalString("effective").map(t -> date(e, t)).orElse(null),
					series);
			if (e.optionalString("amends").isEmpty()) {
				if (base != null) {
					throw e.problem("only one edition can be the base (without 'amends')");
				}
				base = edition;
			}
			else if (edition.effective() == null) {
				throw e.problem("an amending edition needs 'effective'");
			}
			else {
				amendments.add(edition);
			}
		}
		if (base == null) {
			throw root.problem("no base edition (one without 'amends')");
		}
		amendments.sort(Comparator.comparing(Edition::effective));
		Map<String, Series> series = new LinkedHashMap<>();
		for (Edition edition : concat(base, amendments)) {
			for (YamlNode node : edition.series().values()) {
				List<List<DoseRule>> tracks = tracks(node, edition.id(), vaccines);
				String code = node.string("code");
				series.put(code, edition == base ? fresh(node, tracks)
						: amend(series.get(code), node, tracks, edition.effective()));
			}
		}
		return new NipSchedule(vaccines, period(root, "catchUpBefore"), List.copyOf(series.values()));
	}

	private static List<Edition> concat(Edition base, List<Edition> amendments) {
		List<Edition> all = new ArrayList<>(List.of(base));
		all.addAll(amendments);
		return all;
	}

	private static Series fresh(YamlNode node, List<List<DoseRule>> tracks) {
		List<List<Slot>> slots = new ArrayList<>();
		for (List<DoseRule> track : tracks) {
			slots.add(track.stream().map(r -> new Slot(r.age(), List.of(new Candidate(r, null, null)))).toList());
		}
		return new Series(node.string("code"), node.string("name"), slots);
	}

	/**
	 * Position by position: the older candidates keep the children whose position fell due before
	 * {@code effective}, the new rule takes the others.
	 */
	private static Series amend(Series before, YamlNode node, List<List<DoseRule>> tracks, LocalDate effective) {
		List<List<Slot>> slots = new ArrayList<>();
		int trackCount = Math.max(before == null ? 0 : before.tracks().size(), tracks.size());
		for (int t = 0; t < trackCount; t++) {
			List<Slot> old = before == null || t >= before.tracks().size() ? List.of() : before.tracks().get(t);
			List<DoseRule> rules = t < tracks.size() ? tracks.get(t) : List.of();
			List<Slot> merged = new ArrayList<>();
			for (int k = 0; k < Math.max(old.size(), rules.size()); k++) {
				List<Candidate> candidates = new ArrayList<>();
				if (k < old.size()) {
					for (Candidate c : old.get(k).candidates()) {
						if (c.from() == null || c.from().isBefore(effective)) {
							boolean cut = c.until() == null || c.until().isAfter(effective);
							candidates.add(cut ? new Candidate(c.rule(), c.from(), effective) : c);
						}
					}
				}
				if (k < rules.size()) {
					candidates.add(new Candidate(rules.get(k), effective, null));
				}
				Period chosenAt = k < old.size() ? old.get(k).chosenAt() : rules.get(k).age();
				merged.add(new Slot(chosenAt, List.copyOf(candidates)));
			}
			slots.add(merged);
		}
		return new Series(node.string("code"), node.string("name"), slots);
	}

	private static List<List<DoseRule>> tracks(YamlNode series, String edition, Map<String, String> vaccines) {
		List<List<DoseRule>> tracks = new ArrayList<>();
		for (YamlNode track : series.list("tracks")) {
			List<DoseRule> rules = new ArrayList<>();
			for (YamlNode dose : track.list("doses")) {
				rules.add(rule(dose, edition, vaccines, rules.size() + 1));
			}
			if (rules.isEmpty()) {
				throw track.problem("a track needs doses");
			}
			tracks.add(List.copyOf(rules));
		}
		if (tracks.isEmpty()) {
			throw series.problem("a series needs tracks");
		}
		for (List<DoseRule> alternative : tracks.subList(1, tracks.size())) {
			for (DoseRule rule : alternative) {
				if (rule.countsAs() != null && tracks.get(0).stream().noneMatch(r -> r.key().equals(rule.countsAs()))) {
					throw series.problem(rule.key() + " counts as " + rule.countsAs() + ", which is not a dose of the first track");
				}
			}
		}
		return tracks;
	}

	private static DoseRule rule(YamlNode dose, String edition, Map<String, String> vaccines, int position) {
		String vaccine = dose.string("vaccine");
		if (!vaccines.containsKey(vaccine)) {
			throw dose.problem("unknown vaccine " + vaccine);
		}
		Map<Integer, Period> after = new LinkedHashMap<>();
		dose.get("after").ifPresent(a -> a.entries().forEach((k, v) -> {
			int earlier = parsePosition(a, k);
			if (earlier < 1 || earlier >= position) {
				throw a.problem("'after' names dose " + k + " of the track; it must be an earlier one (1 to " + (position - 1) + ")");
			}
			after.put(earlier, period(v));
		}));
		Period age = period(dose, "age");
		return new DoseRule(edition, new DoseKey(vaccine, dose.integer("dose")), age,
				dose.get("minAge").map(m -> period(m)).orElse(age), Collections.unmodifiableMap(after),
				period(dose, "timelyBefore"),
				dose.get("noCatchUpFrom").map(n -> period(n)).orElse(null),
				dose.get("deferUpToGestationWeeks").map(n -> dose.integer("deferUpToGestationWeeks")).orElse(null),
				dose.optionalString("countsAs").map(c -> doseKey(dose, c)).orElse(null));
	}

	private static int parsePosition(YamlNode node, String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw node.problem("'after' keys are dose positions, not '" + text + "'");
		}
	}

	private static DoseKey doseKey(YamlNode node, String text) {
		String[] parts = text.strip().split("\\s+");
		if (parts.length != 2 || !parts[1].matches("[0-9]+")) {
			throw node.problem("countsAs is '<vaccine> <dose>', not '" + text + "'");
		}
		return new DoseKey(parts[0], Integer.parseInt(parts[1]));
	}

	private static Period period(YamlNode node, String key) {
		return period(node.require(key));
	}

	private static Period period(YamlNode node) {
		String text = node.text();
		Period period = Ages.parse(text);
		if (period == null) {
			throw node.problem("an age is written like 18m, 6y, 28d or 1y6m, not '" + text + "'");
		}
		return period;
	}

	private static LocalDate date(YamlNode node, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw node.problem("a date is written yyyy-mm-dd, not '" + text + "'");
		}
	}

}

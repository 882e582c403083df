package org.rhip.surveillance.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rhip.platform.yaml.YamlNode;

import org.springframework.stereotype.Component;

/**
 * The multi-point trigger rules ({@code surveillance/alert-rules.yaml}): which diseases and sentinel
 * series belong to which group, the time window that makes signals one event, and the level an
 * alert takes from the number of independent sources behind it.
 */
@Component
public class AlertRules {

	/** A group of diseases and sentinel series (source/syndrome) watched together. */
	public record Group(String code, String name, String nameEn, Set<String> diseases, Set<String> sentinelSeries) {

		/** Whether a signal's series belongs to the group; sentinel subjects are {@code source/syndrome}. */
		public boolean includes(String stream, String subject) {
			return stream.equals("cases") ? diseases.contains(subject) : sentinelSeries.contains(subject);
		}

	}

	/** One level rule: {@code classA} matches any class-A signal; else at least {@code minSources}. */
	public record LevelRule(String level, boolean classA, int minSources) {
	}

	private final int windowDays;

	private final List<Group> groups = new ArrayList<>();

	private final List<LevelRule> levels = new ArrayList<>();

	AlertRules() {
		YamlNode root = ReferenceData.read("surveillance/alert-rules.yaml");
		windowDays = root.integer("windowDays");
		for (YamlNode g : root.list("groups")) {
			Set<String> sentinel = new java.util.LinkedHashSet<>();
			for (YamlNode s : g.list("sentinel")) {
				sentinel.add(s.string("source") + "/" + s.string("syndrome"));
			}
			groups.add(new Group(g.string("code"), g.string("name"), g.string("nameEn"),
					Set.copyOf(g.require("cases").texts()), Set.copyOf(sentinel)));
		}
		for (YamlNode l : root.list("levels")) {
			String level = l.string("level");
			if (!List.of("blue", "yellow", "orange", "red").contains(level)) {
				throw l.problem("level must be blue, yellow, orange or red, not " + level);
			}
			levels.add(new LevelRule(level, l.optionalString("classA").map(Boolean::parseBoolean).orElse(false),
					l.get("minSources").map(n -> Integer.parseInt(n.text().strip())).orElse(Integer.MAX_VALUE)));
		}
	}

	public int windowDays() {
		return windowDays;
	}

	public List<Group> groups() {
		return List.copyOf(groups);
	}

	public Optional<Group> group(String code) {
		return groups.stream().filter(g -> g.code().equals(code)).findFirst();
	}

	/** The level of an alert with {@code sources} independent sources, or empty when no rule matches. */
	public Optional<String> level(int sources, boolean classA) {
		for (LevelRule rule : levels) {
			if ((rule.classA() && classA) || (!rule.classA() && sources >= rule.minSources())) {
				return Optional.of(rule.level());
			}
		}
		return Optional.empty();
	}

}

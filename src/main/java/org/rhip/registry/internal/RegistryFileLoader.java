package org.rhip.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.platform.yaml.YamlNode;
import org.rhip.platform.yaml.YamlProblem;
import org.rhip.registry.Institution;
import org.rhip.registry.ResourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the registry files of {@code registry/} (docs/plan-format.md §3): the provinces and cities,
 * then one file per region with its streets, population and institutions. A region already in the
 * database is left alone, so edits made through the API survive restarts.
 */
@Component
public class RegistryFileLoader {

	private static final Logger log = LoggerFactory.getLogger(RegistryFileLoader.class);

	static final Set<String> INSTITUTION_TYPES = Set.copyOf(org.rhip.registry.InstitutionTypes.TYPES);

	static final Set<String> LEVELS = Set.copyOf(org.rhip.registry.InstitutionTypes.LEVELS);

	static final Set<String> KINDS = Set.of("province", "city", "district", "county_city", "street", "town",
			"community", "village", "outside");

	private final RegistryRepository repository;

	RegistryFileLoader(RegistryRepository repository) {
		this.repository = repository;
	}

	@Transactional
	public void loadBundled() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			Resource regions = resolver.getResource("classpath:registry/regions.yaml");
			try (InputStream in = regions.getInputStream()) {
				loadOrgUnits(YamlNode.parse("registry/regions.yaml", in), false);
			}
			for (Resource resource : resolver.getResources("classpath:registry/*.yaml")) {
				if (!resource.getFilename().matches("[0-9]+\\.yaml")) {
					continue; // regions.yaml, loaded above
				}
				try (InputStream in = resource.getInputStream()) {
					loadRegion(YamlNode.parse("registry/" + resource.getFilename(), in));
				}
			}
		}
		catch (IOException ex) {
			throw new YamlProblem("registry files cannot be read: " + ex.getMessage());
		}
	}

	private void loadOrgUnits(YamlNode file, boolean regionFile) {
		for (YamlNode unit : file.list("orgUnits")) {
			insertOrgUnit(unit);
		}
	}

	void loadRegion(YamlNode file) {
		YamlNode region = file.require("region");
		String code = region.string("code");
		if (repository.hasOrgUnit(code)) {
			log.debug("Region {} already in the registry", code);
			return;
		}
		insertOrgUnit(region);
		loadOrgUnits(file, true);
		for (YamlNode row : file.list("population")) {
			String orgUnit = row.string("orgUnit");
			requireOrgUnit(row, orgUnit);
			long count = parseLong(row, "count");
			repository.putPopulation(orgUnit, row.integer("year"), count, row.optionalString("note").orElse(null));
		}
		Set<String> codes = new HashSet<>();
		for (YamlNode node : file.list("institutions")) {
			Institution institution = institution(node);
			if (!codes.add(institution.code())) {
				throw node.problem("institution code " + institution.code() + " appears twice");
			}
			repository.upsertInstitution(institution);
			node.get("resources").ifPresent(resources -> {
				for (Map.Entry<String, YamlNode> year : resources.entries().entrySet()) {
					int y = parseYear(year.getValue(), year.getKey());
					for (Map.Entry<String, YamlNode> item : year.getValue().entries().entrySet()) {
						if (ResourceItem.byKey(item.getKey()).isEmpty()) {
							throw item.getValue().problem("unknown resource item '" + item.getKey() + "'");
						}
						int count = parseCount(item.getValue());
						repository.putResource(institution.code(), y, item.getKey(), count);
					}
				}
			});
		}
		log.info("Loaded region {} ({} institutions)", code, codes.size());
	}

	private void insertOrgUnit(YamlNode unit) {
		String code = unit.string("code");
		if (!code.matches("[0-9]{2,12}")) {
			throw unit.problem("org unit code must be 2 to 12 digits, not '" + code + "'");
		}
		String kind = unit.string("kind");
		if (!KINDS.contains(kind)) {
			throw unit.problem("unknown org unit kind '" + kind + "'");
		}
		String parent = unit.optionalString("parent").orElse(null);
		if (parent != null) {
			requireOrgUnit(unit, parent);
		}
		if (repository.hasOrgUnit(code)) {
			return;
		}
		repository.insertOrgUnit(code, unit.string("name"), unit.optionalString("nameEn").orElse(null), kind, parent);
	}

	private Institution institution(YamlNode node) {
		String type = node.string("type");
		if (!INSTITUTION_TYPES.contains(type)) {
			throw node.problem("unknown institution type '" + type + "'");
		}
		String level = node.string("level");
		if (!LEVELS.contains(level)) {
			throw node.problem("unknown level '" + level + "'");
		}
		String ownership = node.string("ownership");
		if (!ownership.equals("public") && !ownership.equals("private")) {
			throw node.problem("ownership must be public or private, not '" + ownership + "'");
		}
		String orgUnit = node.string("orgUnit");
		requireOrgUnit(node, orgUnit);
		List<String> departments = new ArrayList<>(node.get("departments").map(YamlNode::texts).orElse(List.of()));
		return new Institution(node.string("code"), node.string("name"), type, level, ownership, orgUnit, departments);
	}

	private void requireOrgUnit(YamlNode node, String code) {
		if (!repository.hasOrgUnit(code)) {
			throw node.problem("unknown org unit " + code);
		}
	}

	private static long parseLong(YamlNode node, String key) {
		String text = node.string(key).replace(",", "").replace("_", "");
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw node.problem("'" + key + "' must be a whole number, not '" + text + "'");
		}
	}

	private static int parseYear(YamlNode node, String text) {
		try {
			int year = Integer.parseInt(text.strip());
			if (year >= 1949 && year <= 2100) {
				return year;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw node.problem("'" + text + "' is not a year");
	}

	private static int parseCount(YamlNode node) {
		try {
			int count = Integer.parseInt(node.text().strip().replace(",", "").replace("_", ""));
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw node.problem("a count must be a whole number ≥ 0, not '" + node.text() + "'");
	}

}

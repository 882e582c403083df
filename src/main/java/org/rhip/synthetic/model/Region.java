package org.rhip.synthetic.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rhip.platform.yaml.YamlNode;

/**
 * 区县 — a region as its bundled registry file describes it (docs/plan-format.md §3): streets or towns,
 * the 2020 resident population, the institutions with their type, place, beds and general
 * practitioners. Read from the classpath, so that {@code generate} needs no database.
 */
public record Region(String code, String name, String city, String province, long population2020,
		List<Street> streets, List<Place> institutions) {

	/** A street (街道) or town (镇) of the region. */
	public record Street(String code, String name) {
	}

	/** A registry institution: its code, name, type, org unit, beds and general practitioners. */
	public record Place(String code, String name, String type, String orgUnit, int beds, int gps) {

		boolean hospital() {
			return HOSPITALS.contains(type) && beds > 0;
		}

		boolean primaryCare() {
			return PRIMARY_CARE.contains(type);
		}

	}

	static final Set<String> HOSPITALS = Set.of("general_hospital", "tcm_hospital", "specialist_hospital", "mch_hospital");

	/** Institutions counted as primary care (基层医疗卫生机构) and hosting family-doctor teams. */
	static final Set<String> PRIMARY_CARE = Set.of("chc", "chs_station", "township_health_centre");

	/** Reads {@code registry/<code>.yaml}; empty when there is no such region file. */
	public static Optional<Region> load(String code) {
		if (code == null || !code.matches("[0-9]{6}")) {
			return Optional.empty();
		}
		YamlNode file = read("registry/" + code + ".yaml");
		if (file == null) {
			return Optional.empty();
		}
		YamlNode regions = read("registry/regions.yaml");
		YamlNode region = file.require("region");
		String parent = region.optionalString("parent").orElse("");
		String city = nameOf(regions, parent).orElse("");
		String province = nameOf(regions, parent.length() >= 2 ? parent.substring(0, 2) : "").orElse("");
		if (city.endsWith("市辖区")) {
			city = province; // 天津市市辖区: the address says 天津市
		}
		long population = file.list("population").stream()
			.filter(row -> row.string("orgUnit").equals(code) && row.string("year").equals("2020"))
			.map(row -> Long.parseLong(row.string("count").replace(",", "").replace("_", "")))
			.findFirst()
			.orElse(Rates.DEFAULT_POPULATION);
		List<Street> streets = new ArrayList<>();
		for (YamlNode unit : file.list("orgUnits")) {
			String kind = unit.string("kind");
			if ((kind.equals("street") || kind.equals("town")) && unit.string("parent").equals(code)) {
				streets.add(new Street(unit.string("code"), unit.string("name")));
			}
		}
		List<Place> places = new ArrayList<>();
		for (YamlNode node : file.list("institutions")) {
			Map<String, YamlNode> latest = latestResources(node);
			places.add(new Place(node.string("code"), node.string("name"), node.string("type"), node.string("orgUnit"),
					count(latest, "beds"), count(latest, "gps")));
		}
		return Optional.of(new Region(code, region.string("name"), city, province, population, List.copyOf(streets),
				List.copyOf(places)));
	}

	private static YamlNode read(String resource) {
		try (InputStream in = Region.class.getClassLoader().getResourceAsStream(resource)) {
			return in == null ? null : YamlNode.parse(resource, in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(resource + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static Optional<String> nameOf(YamlNode regions, String code) {
		return regions.list("orgUnits").stream().filter(u -> u.string("code").equals(code)).map(u -> u.string("name")).findFirst();
	}

	/** The resources of the latest year up to 2020 (the base year of the plans), else of the earliest. */
	private static Map<String, YamlNode> latestResources(YamlNode institution) {
		Optional<YamlNode> resources = institution.get("resources");
		if (resources.isEmpty()) {
			return Map.of();
		}
		Map<String, YamlNode> years = resources.get().entries();
		String chosen = years.keySet().stream().filter(y -> y.strip().compareTo("2020") <= 0).max(String::compareTo)
			.orElse(years.keySet().stream().min(String::compareTo).orElse(null));
		return chosen == null ? Map.of() : years.get(chosen).entries();
	}

	private static int count(Map<String, YamlNode> resources, String item) {
		YamlNode node = resources.get(item);
		return node == null ? 0 : Integer.parseInt(node.text().strip().replace(",", "").replace("_", ""));
	}

	/** The org units people live in: the streets, or the region itself when the file names none. */
	public List<String> homeUnits() {
		return streets.isEmpty() ? List.of(code) : streets.stream().map(Street::code).toList();
	}

	public String streetName(String orgUnit) {
		return streets.stream().filter(s -> s.code().equals(orgUnit)).map(Street::name).findFirst().orElse(name);
	}

	public List<Place> hospitals() {
		return institutions.stream().filter(Place::hospital).toList();
	}

	public List<Place> primaryCare() {
		return institutions.stream().filter(Place::primaryCare).toList();
	}

	/** The primary-care institutions in a street; all of the region's when the street has none. */
	public List<Place> primaryCareOf(String orgUnit) {
		List<Place> local = institutions.stream().filter(p -> p.primaryCare() && p.orgUnit().startsWith(orgUnit)).toList();
		return local.isEmpty() ? primaryCare() : local;
	}

	/** Where the family-doctor teams sit: CHCs and township health centres. */
	public List<Place> teamSites() {
		return institutions.stream().filter(p -> p.type().equals("chc") || p.type().equals("township_health_centre")).toList();
	}

	public Optional<Place> mchHospital() {
		return institutions.stream().filter(p -> p.type().equals("mch_hospital")).findFirst();
	}

}

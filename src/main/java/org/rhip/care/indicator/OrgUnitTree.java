package org.rhip.care.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

/** A region's org units, each with its ancestors up to the region: counts of a unit add to all of them. */
public final class OrgUnitTree {

	private final String region;

	private final Map<String, List<String>> upwards = new HashMap<>();

	public OrgUnitTree(RegistryApi registry, String region) {
		this.region = region;
		List<String> codes = registry.subtreeCodes(region);
		Set<String> inRegion = Set.copyOf(codes);
		Map<String, String> parent = new HashMap<>();
		for (String code : codes) {
			registry.findOrgUnit(code).flatMap(OrgUnit::parentCode).filter(inRegion::contains).ifPresent(p -> parent.put(code, p));
		}
		for (String code : codes) {
			List<String> chain = new ArrayList<>();
			for (String c = code; c != null && !chain.contains(c); c = c.equals(region) ? null : parent.get(c)) {
				chain.add(c);
			}
			upwards.put(code, List.copyOf(chain));
		}
	}

	public String region() {
		return region;
	}

	public List<String> codes() {
		return List.copyOf(upwards.keySet());
	}

	/** The unit and its ancestors within the region; empty for a unit outside it. */
	public List<String> upwards(String code) {
		return upwards.getOrDefault(code, List.of());
	}

	/** The units of the subtree of one unit of the region (itself included). */
	public List<String> subtree(String code) {
		return upwards.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).toList();
	}

}

package org.rhip.record.patient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.StringType;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

import org.springframework.stereotype.Component;

/**
 * Finds the registry org unit of a FHIR address: the deepest unit of the platform's districts whose
 * name appears in the address lines, text, district or city (a street or community inside a named
 * district wins over the district alone). Short names (光明 for 光明区, 石牌 for 石牌街道) count only in
 * {@code address.district} exactly, or below district level. An address elsewhere — another
 * country, another province, or nothing we know — is {@value #OUTSIDE} (区域外).
 */
@Component
class AddressMatcher {

	static final String OUTSIDE = "000000";

	private static final Set<String> CHINA = Set.of("CN", "CHN", "CHINA", "中国", "中华人民共和国", "PRC");

	private static final Duration REFRESH = Duration.ofMinutes(10);

	/** A name to look for, with the unit it names. */
	record Entry(String name, OrgUnit unit, boolean shortName) {
	}

	private record Index(Instant loaded, List<Entry> entries) {
	}

	private final RegistryApi registry;

	private final AtomicReference<Index> index = new AtomicReference<>();

	AddressMatcher(RegistryApi registry) {
		this.registry = registry;
	}

	/** The org unit of an address: a platform unit, {@value #OUTSIDE}, or empty when it says nothing. */
	Optional<String> match(Address address) {
		String text = text(address);
		boolean hasCountry = address.hasCountry() && !address.getCountry().isBlank();
		if (hasCountry && !CHINA.contains(address.getCountry().strip().toUpperCase(Locale.ROOT))) {
			return Optional.of(OUTSIDE);
		}
		if (text.isBlank()) {
			return hasCountry ? Optional.of(OUTSIDE) : Optional.empty();
		}
		String district = address.hasDistrict() ? address.getDistrict().strip() : "";
		List<Entry> found = new ArrayList<>();
		for (Entry e : entries()) {
			boolean district_level = isRegion(e.unit());
			if (e.shortName()) {
				if (district_level ? district.equals(e.name()) : text.contains(e.name())) {
					found.add(e);
				}
			}
			else if (text.contains(e.name())) {
				found.add(e);
			}
		}
		List<OrgUnit> regions = found.stream().map(Entry::unit).filter(AddressMatcher::isRegion).toList();
		OrgUnit best = null;
		boolean bestFull = false;
		for (Entry e : found) {
			OrgUnit u = e.unit();
			if (!regions.isEmpty() && regions.stream().noneMatch(r -> r.contains(u))) {
				continue; // a street of another district than the one named
			}
			if (e.shortName() && !isRegion(u) && regions.isEmpty()) {
				continue; // a short street name alone is too weak
			}
			if (best == null || u.depth() > best.depth() || (u.depth() == best.depth() && !e.shortName() && !bestFull)) {
				best = u;
				bestFull = !e.shortName();
			}
		}
		return Optional.of(best == null ? OUTSIDE : best.code());
	}

	/** Whether a code is an org unit of the registry (for the org-unit extension). */
	boolean exists(String code) {
		return registry.findOrgUnit(code).isPresent();
	}

	static String text(Address a) {
		StringBuilder s = new StringBuilder();
		for (StringType line : a.getLine()) {
			s.append(line.getValue() == null ? "" : line.getValue()).append(' ');
		}
		for (String part : new String[] { a.getText(), a.getDistrict(), a.getCity(), a.getState() }) {
			if (part != null) {
				s.append(part).append(' ');
			}
		}
		return s.toString().strip();
	}

	private static boolean isRegion(OrgUnit u) {
		return u.kind().equals("district") || u.kind().equals("county_city");
	}

	private List<Entry> entries() {
		Index current = index.get();
		if (current == null || current.loaded().plus(REFRESH).isBefore(Instant.now())) {
			current = new Index(Instant.now(), load());
			if (!current.entries().isEmpty()) {
				index.set(current); // an empty registry (not loaded yet) is asked again next time
			}
		}
		return current.entries();
	}

	private List<Entry> load() {
		List<Entry> entries = new ArrayList<>();
		List<OrgUnit> pending = new ArrayList<>(registry.regions());
		while (!pending.isEmpty()) {
			OrgUnit u = pending.remove(pending.size() - 1);
			entries.add(new Entry(u.name(), u, false));
			String shortName = u.name().replaceFirst("(街道办事处|街道|社区居委会|居委会|社区|村委会|村|镇|乡|区|县|市)$", "");
			if (!shortName.equals(u.name()) && shortName.codePointCount(0, shortName.length()) >= 2) {
				entries.add(new Entry(shortName, u, true));
			}
			pending.addAll(registry.children(u.code()));
		}
		return List.copyOf(entries);
	}

}

package org.rhip.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rhip.indicator.entry.DataEntryService.Entry;
import org.rhip.indicator.evaluation.RowResult;
import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Up the org-unit tree numerators and denominators are summed; ratios are never averaged. */
class AggregationTest extends IntegrationTest {

	@Autowired
	IndicatorApi indicators;

	@Autowired
	RegistryApi registry;

	@Test
	void aDistrictsRatioIsTheRatioOfItsStreetsSumsNotTheirAverage() {
		List<OrgUnit> streets = registry.children("440106");
		String a = streets.get(0).code();
		String b = streets.get(1).code();
		// street A: 100 beds for 10,000 residents (10 per 1,000); street B: 300 for 100,000 (3 per 1,000)
		indicators.enter("tianhe-2021-2025", a, "2022", List.of(new Entry("BEDS", "100"), new Entry("POP", "10000")),
				"test", null);
		indicators.enter("tianhe-2021-2025", b, "2022", List.of(new Entry("BEDS", "300"), new Entry("POP", "100000")),
				"test", null);
		RowResult beds = indicators.evaluate("tianhe-2021-2025", 2022).rows().stream()
			.filter(r -> r.row().code().equals("BEDS_PER_1000"))
			.findFirst()
			.orElseThrow();
		// (100 + 300) / (10,000 + 100,000) × 1000 = 3.64, not (10 + 3) / 2 = 6.5
		assertThat(beds.actualText()).hasValue("3.64");
		assertThat(beds.source()).isEqualTo("entry");
		assertThat(beds.indicators().get(0).actual().orElseThrow().numerator()).hasValueSatisfying(
				n -> assertThat(n).isEqualByComparingTo("400"));
		assertThat(beds.indicators().get(0).actual().orElseThrow().denominator()).hasValueSatisfying(
				d -> assertThat(d).isEqualByComparingTo("110000"));
	}

	@Test
	void registryTotalsOfADistrictAddUpItsInstitutions() {
		int beds = 0;
		for (Institution institution : registry.institutionsWithin("440203")) {
			beds += registry.resources(institution.code(), 2020).getOrDefault("beds", 0);
		}
		assertThat(beds).isEqualTo(5268);
		assertThat(registry.totals("440203", 2020).get("BEDS")).hasValueSatisfying(
				b -> assertThat(b).isEqualByComparingTo(BigDecimal.valueOf(5268)));
		assertThat(registry.totals("440203", 2020).get("POP")).hasValueSatisfying(
				p -> assertThat(p).isEqualByComparingTo("373686"));
	}

	@Test
	void aStreetSeesOnlyItsOwnInstitutions() {
		OrgUnit street = registry.children("440106").get(0);
		BigDecimal streetBeds = registry.totals(street.code(), 2020).get("BEDS").orElse(BigDecimal.ZERO);
		BigDecimal districtBeds = registry.totals("440106", 2020).get("BEDS").orElseThrow();
		assertThat(streetBeds).isLessThan(districtBeds);
	}

}

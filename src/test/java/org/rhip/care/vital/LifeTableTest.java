package org.rhip.care.vital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LifeTableTest {

	/**
	 * Chiang, Life Table and Mortality Analysis, WHO 1979: total population of California, 1970 —
	 * deaths and mid-year population by group 0, 1–4, …, 85+, as transcribed in the R package
	 * {@code rads} (PHSKC-APDE/rads, tests/testthat/test_death_functions.R, "structure and results
	 * compared to Chiang 1979"), whose published values are checked below; REFERENCE.md §5.2 gives
	 * e₀ ≈ 71.95 for the same data.
	 */
	static final long[] CALIFORNIA_1970_DEATHS = { 6234, 1049, 723, 735, 2054, 2702, 2071, 1964, 2588, 4114, 6722, 8948,
			11942, 14309, 17088, 19149, 21325, 20129, 22483 };

	static final long[] CALIFORNIA_1970_POPULATION = { 340483, 1302198, 1918117, 1963681, 1817379, 1740966, 1457614,
			1219389, 1149999, 1208550, 1245903, 1083852, 933244, 770770, 620805, 484431, 342097, 210953, 142691 };

	@Test
	void chiangsCalifornia1970TableGivesThePublishedValues() {
		LifeTable table = LifeTable.of(CALIFORNIA_1970_DEATHS, CALIFORNIA_1970_POPULATION);
		List<LifeTable.Row> rows = table.rows();
		assertThat(rows).hasSize(19);
		assertThat(table.e0()).hasValueCloseTo(71.95, within(0.005));
		assertThat(rows.get(0).q()).isCloseTo(0.01801, within(0.000005));
		// 40–44
		assertThat(rows.get(9).age()).isEqualTo(40);
		assertThat(rows.get(9).q()).isCloseTo(0.01689, within(0.000005));
		assertThat(rows.get(9).e()).isCloseTo(35.56, within(0.005));
		// 85+: q = 1, e = 1/m = 142691/22483
		LifeTable.Row open = rows.get(18);
		assertThat(open.open()).isTrue();
		assertThat(open.q()).isEqualTo(1);
		assertThat(open.e()).isCloseTo(6.35, within(0.005)).isCloseTo(142691.0 / 22483, within(1e-9));
		assertThat(table.openIntervalPooled()).isFalse();
	}

	@Test
	void handWorkedThreeGroupTableChecksEveryStep() {
		// Groups 0 (n = 1, a = 0.2), 1–4 (n = 4, a = 0.25), 5+ (open).
		// 0:   m = 500/2100 = 5/21; q = (5/21) / (1 + 1·0.8·5/21) = (5/21)/(25/21) = 0.2
		//      l = 100000, d = 20000, L = 1·(100000 − 20000) + 0.2·1·20000 = 84000
		// 1–4: m = 100/1300 = 1/13; q = (4/13) / (1 + 4·0.75/13) = (4/13)/(16/13) = 0.25
		//      l = 80000, d = 20000, L = 4·(80000 − 20000) + 0.25·4·20000 = 260000
		// 5+:  m = 50/500 = 0.1; q = 1; l = d = 60000; L = 60000/0.1 = 600000
		// T: 5+ 600000, 1–4 860000, 0 944000; e: 5+ 10, 1–4 10.75, 0 9.44
		LifeTable table = LifeTable.compute(new int[] { 0, 1, 5 }, new double[] { 0.2, 0.25 }, new long[] { 500, 100, 50 },
				new long[] { 2100, 1300, 500 });
		List<LifeTable.Row> r = table.rows();
		assertRow(r.get(0), 0, 1, 5.0 / 21, 0.2, 100000, 20000, 84000, 944000, 9.44);
		assertRow(r.get(1), 1, 4, 1.0 / 13, 0.25, 80000, 20000, 260000, 860000, 10.75);
		assertRow(r.get(2), 5, 0, 0.1, 1, 60000, 60000, 600000, 600000, 10);
		assertThat(table.e0()).hasValueCloseTo(9.44, within(1e-9));
	}

	private static void assertRow(LifeTable.Row row, int age, int n, double m, double q, double l, double d, double bigL,
			double bigT, double e) {
		assertThat(row.age()).isEqualTo(age);
		assertThat(row.n()).isEqualTo(n);
		assertThat(row.m()).isCloseTo(m, within(1e-12));
		assertThat(row.q()).isCloseTo(q, within(1e-12));
		assertThat(row.l()).isCloseTo(l, within(1e-6));
		assertThat(row.d()).isCloseTo(d, within(1e-6));
		assertThat(row.L()).isCloseTo(bigL, within(1e-6));
		assertThat(row.T()).isCloseTo(bigT, within(1e-6));
		assertThat(row.e()).isCloseTo(e, within(1e-9));
	}

	@Test
	void aGroupWithoutDeathsHasNoRiskAndAGroupWithoutPeopleIsRejectedByName() {
		long[] deaths = CALIFORNIA_1970_DEATHS.clone();
		deaths[3] = 0;
		LifeTable.Row row = LifeTable.of(deaths, CALIFORNIA_1970_POPULATION).rows().get(3);
		assertThat(row.q()).isZero();
		assertThat(row.d()).isZero();
		// L = 5·l when nobody dies
		assertThat(row.L()).isCloseTo(5 * row.l(), within(1e-9));

		long[] population = CALIFORNIA_1970_POPULATION.clone();
		population[2] = 0;
		assertThatThrownBy(() -> LifeTable.of(CALIFORNIA_1970_DEATHS, population))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group 5-9 has no population");
		population[2] = 1918117;
		population[18] = 0;
		assertThatThrownBy(() -> LifeTable.of(CALIFORNIA_1970_DEATHS, population)).hasMessageContaining("group 85+");
		assertThatThrownBy(() -> LifeTable.of(new long[18], new long[18])).hasMessageContaining("19 groups");
		long[] negative = CALIFORNIA_1970_DEATHS.clone();
		negative[0] = -1;
		assertThatThrownBy(() -> LifeTable.of(negative, CALIFORNIA_1970_POPULATION)).hasMessageContaining("group 0:");
	}

	@Test
	void noDeathsAt85PlusTakesThePooled80PlusRate() {
		long[] deaths = CALIFORNIA_1970_DEATHS.clone();
		deaths[18] = 0;
		LifeTable table = LifeTable.of(deaths, CALIFORNIA_1970_POPULATION);
		assertThat(table.openIntervalPooled()).isTrue();
		// m = 20129 / (210953 + 142691) = 0.0569188, e₈₅ = 1/m = 17.5689
		LifeTable.Row open = table.rows().get(18);
		assertThat(open.m()).isCloseTo(20129.0 / 353644, within(1e-12));
		assertThat(open.e()).isCloseTo(353644.0 / 20129, within(1e-9));
		// the closed groups are unchanged, only L₈₅ differs: e₀ = 71.9523 + (l₈₅/m − 149421)/100000 = 74.594
		LifeTable original = LifeTable.of(CALIFORNIA_1970_DEATHS, CALIFORNIA_1970_POPULATION);
		LifeTable.Row before = original.rows().get(17);
		LifeTable.Row after = table.rows().get(17);
		assertThat(after.l()).isEqualTo(before.l());
		assertThat(after.L()).isEqualTo(before.L());
		assertThat(original.rows().get(18).L()).isCloseTo(149421, within(0.5));
		assertThat(table.e0()).hasValueCloseTo(74.594, within(0.0005));

		deaths[17] = 0;
		LifeTable unclosed = LifeTable.of(deaths, CALIFORNIA_1970_POPULATION);
		assertThat(unclosed.e0()).isEmpty();
		assertThat(unclosed.rows().get(5).e()).isNaN();
	}

	@Test
	void moreDeathsThanTheRiskAllowsCapsQAtOne() {
		// 5–9: m = 3 with a = 0.44: Chiang's q = 15/(1 + 5·0.56·3) = 1.6, capped at 1
		long[] deaths = CALIFORNIA_1970_DEATHS.clone();
		deaths[2] = 3 * CALIFORNIA_1970_POPULATION[2];
		List<LifeTable.Row> rows = LifeTable.of(deaths, CALIFORNIA_1970_POPULATION).rows();
		assertThat(rows.get(2).q()).isEqualTo(1);
		assertThat(rows.get(3).l()).isZero();
		assertThat(rows.get(3).e()).isNaN();
		assertThat(rows.get(0).e()).isPositive();
	}

	@Test
	void singleYearsAreGroupedLikeTheGroups() {
		assertThat(LifeTable.groupOf(0)).isZero();
		assertThat(LifeTable.groupOf(1)).isEqualTo(1);
		assertThat(LifeTable.groupOf(4)).isEqualTo(1);
		assertThat(LifeTable.groupOf(5)).isEqualTo(2);
		assertThat(LifeTable.groupOf(84)).isEqualTo(17);
		assertThat(LifeTable.groupOf(85)).isEqualTo(18);
		assertThat(LifeTable.groupOf(107)).isEqualTo(18);
		assertThatThrownBy(() -> LifeTable.groupOf(-1)).isInstanceOf(IllegalArgumentException.class);
		// spread each group's counts over its single years (remainder on the first), then regroup
		long[] deaths = new long[101];
		long[] population = new long[101];
		for (int g = 0; g < LifeTable.GROUPS; g++) {
			int first = g == 0 ? 0 : g == 1 ? 1 : (g - 1) * 5;
			int width = g == 0 ? 1 : g == 1 ? 4 : g == 18 ? 16 : 5;
			for (int age = first; age < first + width; age++) {
				deaths[age] = CALIFORNIA_1970_DEATHS[g] / width + (age == first ? CALIFORNIA_1970_DEATHS[g] % width : 0);
				population[age] = CALIFORNIA_1970_POPULATION[g] / width
						+ (age == first ? CALIFORNIA_1970_POPULATION[g] % width : 0);
			}
		}
		assertThat(Arrays.stream(deaths).sum()).isEqualTo(Arrays.stream(CALIFORNIA_1970_DEATHS).sum());
		assertThat(LifeTable.ofSingleYears(deaths, population).rows())
				.isEqualTo(LifeTable.of(CALIFORNIA_1970_DEATHS, CALIFORNIA_1970_POPULATION).rows());
	}

}

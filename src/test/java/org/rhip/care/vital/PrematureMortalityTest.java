package org.rhip.care.vital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrematureMortalityTest {

	@Test
	void handWorkedEightGroups() {
		// Populations chosen so that ₅q comes out round: ₅M = q/(5 − 2.5q), e.g. q = 0.01 ⇔ M = 0.01/4.975 = 20/9950.
		// 30–34  20/9950 → 5M/(1 + 2.5M) = (100/9950)/(10000/9950) = 0.01
		// 35–39  20/9950 → 0.01
		// 40–44  20/4950 → (100/4950)/(5000/4950) = 0.02
		// 45–49  20/4950 → 0.02
		// 50–54  20/2450 → (100/2450)/(2500/2450) = 0.04
		// 55–59  20/1950 → (100/1950)/(2000/1950) = 0.05
		// 60–64  20/1200 → (100/1200)/(1250/1200) = 0.08
		// 65–69  20/950  → (100/950)/(1000/950)   = 0.10
		// Π(1 − q) = 0.99·0.99·0.98·0.98·0.96·0.95·0.92·0.90 = 0.9801·0.9604·0.96·0.95·0.92·0.90 = 0.7108005
		// 30q70 = 1 − 0.7108005 = 0.2891995 → 28.92 %
		PrematureMortality p = PrematureMortality.of(new long[] { 20, 20, 20, 20, 20, 20, 20, 20 },
				new long[] { 9950, 9950, 4950, 4950, 2450, 1950, 1200, 950 });
		double[] q = { 0.01, 0.01, 0.02, 0.02, 0.04, 0.05, 0.08, 0.10 };
		for (int g = 0; g < q.length; g++) {
			assertThat(p.q(g)).isCloseTo(q[g], within(1e-12));
		}
		assertThat(p.probability()).isCloseTo(0.28919951462656, within(1e-12));
		assertThat(p.percent()).isCloseTo(28.919951462656, within(1e-10));
	}

	@Test
	void itIsTheLifeTableProbabilityOfDyingFrom30To70WithHalfTheIntervalLived() {
		// 5q = 5M/(1 + 2.5M) is Chiang's q with a = 0.5, so 30q70 = 1 − l₇₀/l₃₀ of such a table
		long[] deaths = { 31, 55, 98, 160, 270, 410, 640, 910 };
		long[] population = { 52000, 48000, 45000, 43000, 40000, 36000, 30000, 22000 };
		int[] starts = { 30, 35, 40, 45, 50, 55, 60, 65, 70 };
		long[] tableDeaths = new long[9];
		long[] tablePopulation = new long[9];
		System.arraycopy(deaths, 0, tableDeaths, 0, 8);
		System.arraycopy(population, 0, tablePopulation, 0, 8);
		tableDeaths[8] = 1;
		tablePopulation[8] = 1;
		double[] halves = { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 };
		LifeTable table = LifeTable.compute(starts, halves, tableDeaths, tablePopulation);
		double l70 = table.rows().get(8).l();
		assertThat(PrematureMortality.of(deaths, population).probability())
				.isCloseTo(1 - l70 / LifeTable.RADIX, within(1e-12));
	}

	@Test
	void noDeathsGiveZeroAndAGroupWithoutPeopleIsRejectedByName() {
		long[] population = { 10, 10, 10, 10, 10, 10, 10, 10 };
		assertThat(PrematureMortality.of(new long[8], population).percent()).isZero();
		population[5] = 0;
		assertThatThrownBy(() -> PrematureMortality.of(new long[8], population))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group 55-59 has no population");
		assertThatThrownBy(() -> PrematureMortality.of(new long[7], new long[7])).hasMessageContaining("8 groups");
		// M = 1 > 0.4: 5/(1 + 2.5) > 1, capped, and then everyone dies
		long[] deaths = { 0, 0, 0, 10, 0, 0, 0, 0 };
		assertThat(PrematureMortality.of(deaths, new long[] { 10, 10, 10, 10, 10, 10, 10, 10 }).probability())
				.isEqualTo(1);
	}

	@Test
	void agesMapToTheEightGroups() {
		assertThat(PrematureMortality.groupOf(29)).isEqualTo(-1);
		assertThat(PrematureMortality.groupOf(30)).isZero();
		assertThat(PrematureMortality.groupOf(34)).isZero();
		assertThat(PrematureMortality.groupOf(35)).isEqualTo(1);
		assertThat(PrematureMortality.groupOf(69)).isEqualTo(7);
		assertThat(PrematureMortality.groupOf(70)).isEqualTo(-1);
	}

}

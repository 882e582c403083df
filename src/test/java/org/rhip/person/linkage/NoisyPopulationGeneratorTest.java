package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class NoisyPopulationGeneratorTest {

	@Test
	void theSameSeedGivesTheSamePopulation() {
		assertThat(new NoisyPopulationGenerator(5).generate(500, 0.3).records())
			.isEqualTo(new NoisyPopulationGenerator(5).generate(500, 0.3).records());
		assertThat(new NoisyPopulationGenerator(5).generate(500, 0.3).records())
			.isNotEqualTo(new NoisyPopulationGenerator(6).generate(500, 0.3).records());
	}

	@Test
	void everyPersonHasOneFirstRecordAndAShareHaveNoisyCopies() {
		NoisyPopulationGenerator.Population population = new NoisyPopulationGenerator(1).generate(3_000, 1 / 3.0);

		assertThat(population.persons()).isEqualTo(3_000);
		assertThat(population.records().stream().filter(r -> r.source().equals("A")).count()).isEqualTo(3_000);
		// a third of the persons with 1.5 copies on average: about 1,500 copies
		assertThat(population.records().size() - 3_000).isBetween(1_300, 1_700);
	}

	@Test
	void differentPersonsShareNamesAndHouseholdsSharePhones() {
		NoisyPopulationGenerator.Population population = new NoisyPopulationGenerator(1).generate(3_000, 0);

		Map<String, Long> names = population.records()
			.stream()
			.collect(Collectors.groupingBy(r -> r.features().name(), Collectors.counting()));
		Map<String, Long> phones = population.records()
			.stream()
			.filter(r -> r.features().phone() != null)
			.collect(Collectors.groupingBy(r -> r.features().phone(), Collectors.counting()));
		assertThat(names.size()).isLessThan(2_700);
		assertThat(names.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(5);
		assertThat(phones.values().stream().filter(n -> n > 1).count()).isGreaterThan(100);
	}

}

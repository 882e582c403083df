package org.rhip.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rhip.person.linkage.NoisyPopulationGenerator;
import org.rhip.person.linkage.NoisyPopulationGenerator.SyntheticRecord;
import org.rhip.person.linkage.PersonFeatures;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probabilistic linkage through the person index itself, record by record as they arrive, on a
 * generated noisy population with known truth (typos, homophones, variant characters, swapped day
 * and month, missing phones and addresses, no ID numbers): pair precision, recall and F1 of the
 * persons the index ends up with. The population lives in a district of its own (440199).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonLinkageTest extends IntegrationTest {

	@Autowired
	PersonApi persons;

	@Autowired
	JdbcClient jdbc;

	private NoisyPopulationGenerator.Population population;

	private final Map<Integer, LinkResult> results = new HashMap<>();

	@BeforeAll
	void registerAGeneratedPopulation() {
		jdbc.sql("""
				insert into registry.org_unit (code, name, kind, parent_code, path, depth)
				values ('440199', '测试区', 'district', '4401', '/44/4401/440199/', 3) on conflict do nothing
				""").update();
		for (int s = 1; s <= 16; s++) {
			String street = "440199" + String.format("%03d", s);
			jdbc.sql("insert into registry.org_unit (code, name, kind, parent_code, path, depth) values (?, ?, 'street', '440199', ?, 4) on conflict do nothing")
				.params(street, "街道" + s, "/44/4401/440199/" + street + "/").update();
			for (int c = 1; c <= 10; c++) {
				String community = street + String.format("%03d", c);
				jdbc.sql("insert into registry.org_unit (code, name, kind, parent_code, path, depth) values (?, ?, 'community', ?, ?, 5) on conflict do nothing")
					.params(community, "社区" + c, street, "/44/4401/440199/" + street + "/" + community + "/").update();
			}
		}
		population = new NoisyPopulationGenerator(7).generate(1_500, 0.5);
		List<SyntheticRecord> records = population.records();
		long start = System.nanoTime();
		for (int i = 0; i < records.size(); i++) {
			PersonFeatures f = records.get(i).features();
			results.put(i, persons.register(new SourcePatient("TEST-" + records.get(i).source(), "r" + i, null, List.of(), null,
					List.of(), f.name(), f.sex(), f.birthDate(), f.phone(), f.orgUnitCode(), f.address(), null, null, null)));
		}
		System.out.printf("registered %d records in %.1f s%n", records.size(), (System.nanoTime() - start) / 1e9);
	}

	@Test
	void theIndexFindsThePersonsBehindNoisyRecordsWithF1AboveTarget() {
		List<SyntheticRecord> records = population.records();
		Map<Long, Long> predicted = new HashMap<>();
		Map<Integer, Long> truth = new HashMap<>();
		Map<String, Long> both = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			long person = results.get(i).personId();
			predicted.merge(person, 1L, Long::sum);
			truth.merge(records.get(i).personId(), 1L, Long::sum);
			both.merge(person + "/" + records.get(i).personId(), 1L, Long::sum);
		}
		long predictedPairs = predicted.values().stream().mapToLong(PersonLinkageTest::pairs).sum();
		long truePairs = truth.values().stream().mapToLong(PersonLinkageTest::pairs).sum();
		long correct = both.values().stream().mapToLong(PersonLinkageTest::pairs).sum();
		double precision = (double) correct / predictedPairs;
		double recall = (double) correct / truePairs;
		double f1 = 2 * precision * recall / (precision + recall);
		long reviews = results.values().stream().filter(r -> r.outcome() == LinkOutcome.REVIEW).count();
		System.out.printf("person index linkage: %d records of %d persons, %d true pairs, %d linked pairs; "
				+ "precision %.4f recall %.4f F1 %.4f; %d records sent to review%n", records.size(), population.persons(),
				truePairs, predictedPairs, precision, recall, f1, reviews);
		assertThat(f1).isGreaterThanOrEqualTo(0.98);
		assertThat(precision).isGreaterThanOrEqualTo(0.99);
		assertThat((double) reviews / records.size()).isLessThan(0.03);
	}

	@Test
	void theWeightsCanBeEstimatedFromTheIndexsOwnRecords() {
		long start = System.nanoTime();
		LinkageModelInfo model = persons.estimateLinkageModel(100_000);
		System.out.printf("estimated the linkage model in %.1f s%n", (System.nanoTime() - start) / 1e9);
		assertThat(model.id()).isNotNull();
		assertThat(model.records()).isGreaterThanOrEqualTo(2_000);
		Map<String, Double> name = model.weights().get("name");
		assertThat(name.get("exact")).isGreaterThan(3);
		assertThat(name.get("different")).isLessThan(-3);
		assertThat(model.weights().get("birth date").get("exact")).isGreaterThan(model.weights().get("birth date").get("different"));
		assertThat(persons.linkageModel().id()).isEqualTo(model.id());
	}

	private static long pairs(long n) {
		return n * (n - 1) / 2;
	}

}

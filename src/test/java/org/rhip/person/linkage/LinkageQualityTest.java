package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on a synthetic population (20,000 persons, a third of them with one to three noisy
 * copies, seed 42): blocking, comparison, estimation (EM for m, random pairs for u), term-frequency
 * adjusted scores and the default thresholds. The numbers printed are the ones docs/linkage.md
 * quotes.
 */
class LinkageQualityTest {

	private static final int PERSONS = 20_000;

	private static NoisyPopulationGenerator.Population population;

	private static List<PreparedRecord> records;

	private static RecordComparator comparator;

	private static ModelEstimation.Result estimate;

	private static ValueFrequencies frequencies;

	private static CandidatePairs pairs;

	@BeforeAll
	static void estimateOnThePopulation() {
		long start = System.nanoTime();
		population = new NoisyPopulationGenerator(42).generate(PERSONS, 1 / 3.0);
		comparator = new RecordComparator();
		Blocking blocking = new Blocking(comparator);
		records = population.records().stream().map(r -> comparator.prepare(r.features())).toList();
		pairs = CandidatePairs.find(records, blocking, ModelEstimation.MAX_BLOCK_SIZE);
		estimate = new ModelEstimation(comparator, blocking, 7).estimate(records, pairs);
		frequencies = ValueFrequencies.count(records);
		System.out.printf(Locale.ROOT, "%d records of %d persons, %d true pairs; %d candidate pairs; EM %d iterations,"
				+ " match share among candidates %.4f; prepared and estimated in %.1f s%n", records.size(),
				population.persons(), population.truePairs(), pairs.size(), estimate.em().iterations(),
				estimate.em().matchShare(), (System.nanoTime() - start) / 1e9);
		FellegiSunter model = estimate.model();
		for (Field field : Field.values()) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-11s", field.label()));
			for (int level = 0; level < field.levelCount(); level++) {
				line.append(String.format(Locale.ROOT, " | %s m=%.5f u=%.6f w=%+.1f", field.levelName(level),
						model.m().get(field, level), model.u().get(field, level), model.weight(field, level)));
			}
			System.out.println(line);
		}
	}

	private static boolean sameTruth(int i, int j) {
		return population.records().get(i).personId() == population.records().get(j).personId();
	}

	@Test
	void blockingFindsNearlyEveryTruePair() {
		long found = 0;
		for (int k = 0; k < pairs.size(); k++) {
			if (sameTruth(pairs.left(k), pairs.right(k))) {
				found++;
			}
		}
		double recall = (double) found / population.truePairs();
		System.out.printf(Locale.ROOT, "blocking: %d of %d true pairs among %d candidate pairs (pair recall %.4f)%n", found,
				population.truePairs(), pairs.size(), recall);
		assertThat(recall).isGreaterThan(0.99);
	}

	@Test
	void pairsAreLinkedWithF1AboveNinetyEightPercentAndASmallReviewBand() {
		Scorer scorer = new Scorer(estimate.model(), frequencies, comparator);
		Linker linker = new Linker(estimate.model(), frequencies, LinkageThresholds.defaults());
		long truePositives = 0;
		long falsePositives = 0;
		long review = 0;
		long reviewMatches = 0;
		for (int k = 0; k < pairs.size(); k++) {
			ScoredPair pair = scorer.score(records.get(pairs.left(k)), records.get(pairs.right(k)), 2);
			boolean match = sameTruth(pairs.left(k), pairs.right(k));
			switch (linker.classify(pair)) {
				case LINK -> {
					if (match) {
						truePositives++;
					}
					else {
						falsePositives++;
					}
				}
				case REVIEW -> {
					review++;
					if (match) {
						reviewMatches++;
					}
				}
				case NEW -> {
				}
			}
		}
		double precision = (double) truePositives / (truePositives + falsePositives);
		double recall = (double) truePositives / population.truePairs();
		double f1 = 2 * precision * recall / (precision + recall);
		double reviewRate = (double) review / records.size();
		System.out.printf(Locale.ROOT,
				"pairs: linked %d (%d wrong), precision %.4f, recall %.4f, F1 %.4f; review %d pairs (%d matches),"
						+ " %.2f per 100 records; recall counting review as found %.4f%n",
				truePositives + falsePositives, falsePositives, precision, recall, f1, review, reviewMatches, 100 * reviewRate,
				(double) (truePositives + reviewMatches) / population.truePairs());

		assertThat(f1).isGreaterThanOrEqualTo(0.98);
		assertThat(precision).isGreaterThanOrEqualTo(0.99);
		// a reviewer sees at most one pair per 40 incoming records (seeds 1–3 give 1.6–2.0 per 100), mostly matches
		assertThat(reviewRate).isLessThan(0.025);
		assertThat((double) reviewMatches / review).isGreaterThan(0.5);
	}

	@Test
	void recordsArrivingOneByOneAreLinkedToTheirPerson() {
		Linker linker = new Linker(estimate.model(), frequencies, LinkageThresholds.defaults());
		Blocking blocking = new Blocking(comparator);
		Map<String, List<Integer>> index = new HashMap<>();
		int[] personOf = new int[records.size()];
		List<Set<Integer>> truthsOfPerson = new ArrayList<>();
		Set<Integer> truthsSeen = new HashSet<>();
		int correctLinks = 0;
		int wrongLinks = 0;
		int reviews = 0;
		int missed = 0;
		int shouldLink = 0;
		long start = System.nanoTime();
		for (int i = 0; i < records.size(); i++) {
			int truth = population.records().get(i).personId();
			boolean earlier = !truthsSeen.add(truth);
			List<String> keys = blocking.blockingKeys(records.get(i));
			Set<Integer> found = new LinkedHashSet<>();
			for (String key : keys) {
				List<Integer> block = index.getOrDefault(key, List.of());
				if (block.size() <= ModelEstimation.MAX_BLOCK_SIZE) {
					found.addAll(block);
				}
			}
			List<Candidate<Integer>> candidates = new ArrayList<>();
			for (int j : found) {
				candidates.add(new Candidate<>(personOf[j], records.get(j)));
			}
			LinkageDecision<Integer> decision = linker.decide(records.get(i), candidates);
			if (earlier) {
				shouldLink++;
			}
			if (decision.outcome() == Outcome.LINK) {
				personOf[i] = decision.candidate().orElseThrow();
				if (truthsOfPerson.get(personOf[i]).contains(truth)) {
					correctLinks++;
				}
				else {
					wrongLinks++;
				}
				truthsOfPerson.get(personOf[i]).add(truth);
			}
			else {
				// a review is pending: until a person decides, the record stands for a new person
				reviews += decision.outcome() == Outcome.REVIEW ? 1 : 0;
				missed += earlier ? 1 : 0;
				personOf[i] = truthsOfPerson.size();
				truthsOfPerson.add(new HashSet<>(Set.of(truth)));
			}
			for (String key : keys) {
				index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT,
				"one by one: %d records, %d had an earlier record of their person; linked %d correctly, %d wrongly;"
						+ " %d reviews (%.2f per 100 records); %d not linked (as review or new); %.1f s%n",
				records.size(), shouldLink, correctLinks, wrongLinks, reviews, 100.0 * reviews / records.size(), missed,
				seconds);

		assertThat((double) correctLinks / shouldLink).isGreaterThan(0.95);
		assertThat((double) wrongLinks / (correctLinks + wrongLinks)).isLessThan(0.01);
		assertThat((double) reviews / records.size()).isLessThan(0.025);
	}

}

package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * EM recovers m, u and p from a mixture drawn with known parameters under conditional independence,
 * the model's own assumption.
 */
class EmEstimatorTest {

	private static final LevelProbabilities TRUE_M = LevelProbabilities.builder()
		.set(Field.NAME, 0.80, 0.15, 0.02, 0.03)
		.set(Field.BIRTH_DATE, 0.90, 0.02, 0.05, 0.03)
		.set(Field.SEX, 0.98, 0.02)
		.set(Field.PHONE, 0.80, 0.05, 0.15)
		.set(Field.ADDRESS, 0.60, 0.20, 0.10, 0.10)
		.build();

	private static final LevelProbabilities TRUE_U = LevelProbabilities.builder()
		.set(Field.NAME, 0.01, 0.01, 0.08, 0.90)
		.set(Field.BIRTH_DATE, 0.02, 0.01, 0.07, 0.90)
		.set(Field.SEX, 0.50, 0.50)
		.set(Field.PHONE, 0.02, 0.03, 0.95)
		.set(Field.ADDRESS, 0.02, 0.08, 0.20, 0.70)
		.build();

	private static final double[] MISSING = { 0.05, 0.02, 0.03, 0.30, 0.10 };

	private static final double P = 0.15;

	/** {@code n} vectors drawn from the mixture, with fields missing at random. */
	private static PatternCounts mixture(int n, long seed) {
		Random random = new Random(seed);
		PatternCounts counts = new PatternCounts();
		int[] levels = new int[Field.values().length];
		for (int i = 0; i < n; i++) {
			LevelProbabilities source = random.nextDouble() < P ? TRUE_M : TRUE_U;
			for (Field field : Field.values()) {
				levels[field.ordinal()] = random.nextDouble() < MISSING[field.ordinal()] ? Field.MISSING
						: draw(source.get(field), random);
			}
			counts.add(ComparisonVector.of(levels));
		}
		return counts;
	}

	private static int draw(double[] probabilities, Random random) {
		double x = random.nextDouble();
		for (int level = 0; level < probabilities.length - 1; level++) {
			x -= probabilities[level];
			if (x < 0) {
				return level;
			}
		}
		return probabilities.length - 1;
	}

	@Test
	void recoversTheParametersOfAKnownMixture() {
		EmEstimate estimate = new EmEstimator().estimate(mixture(200_000, 1));

		assertThat(estimate.converged()).isTrue();
		assertThat(estimate.matchShare()).isCloseTo(P, within(0.005));
		for (Field field : Field.values()) {
			for (int level = 0; level < field.levelCount(); level++) {
				assertThat(estimate.model().m().get(field, level)).as("m %s %d", field, level)
					.isCloseTo(TRUE_M.get(field, level), within(0.01));
				assertThat(estimate.model().u().get(field, level)).as("u %s %d", field, level)
					.isCloseTo(TRUE_U.get(field, level), within(0.01));
			}
		}
	}

	@Test
	void withUFixedOnlyMAndTheShareAreEstimated() {
		EmEstimate estimate = new EmEstimator().estimate(mixture(200_000, 2), EmEstimator.priors(), 0.1, true);

		assertThat(estimate.matchShare()).isCloseTo(P, within(0.005));
		assertThat(estimate.model().u().get(Field.PHONE)).isEqualTo(EmEstimator.priors().u().get(Field.PHONE));
		assertThat(estimate.model().m().get(Field.NAME, 0)).isCloseTo(0.80, within(0.02));
	}

	@Test
	void theSameCountsGiveTheSameEstimate() {
		PatternCounts counts = mixture(50_000, 3);
		EmEstimate first = new EmEstimator().estimate(counts);
		EmEstimate second = new EmEstimator().estimate(counts);
		assertThat(second.matchShare()).isEqualTo(first.matchShare());
		assertThat(second.model().m().get(Field.ADDRESS)).isEqualTo(first.model().m().get(Field.ADDRESS));
	}

	@Test
	void aMillionVectorsAreEstimatedInWellUnderASecondOnceCounted() {
		PatternCounts counts = mixture(1_000_000, 4);
		long start = System.nanoTime();
		EmEstimate estimate = new EmEstimator().estimate(counts);
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(counts.total()).isEqualTo(1_000_000);
		assertThat(estimate.converged()).isTrue();
		assertThat(seconds).isLessThan(1.0);
	}

	@Test
	void weightsAreLog2OfMOverUAndAMissingFieldWeighsNothing() {
		FellegiSunter model = new FellegiSunter(TRUE_M, TRUE_U);
		assertThat(model.weight(Field.NAME, 0)).isCloseTo(Math.log(0.80 / 0.01) / Math.log(2), within(1e-9));
		assertThat(model.weight(Field.SEX, 1)).isCloseTo(Math.log(0.02 / 0.5) / Math.log(2), within(1e-9));
		assertThat(model.weight(Field.PHONE, Field.MISSING)).isZero();
		double expected = model.weight(Field.NAME, 0) + model.weight(Field.BIRTH_DATE, 3) + model.weight(Field.ADDRESS, 1);
		assertThat(model.score(ComparisonVector.of(0, 3, Field.MISSING, Field.MISSING, 1))).isCloseTo(expected,
				within(1e-9));
	}

	@Test
	void aScoreTurnsIntoAMatchProbabilityGivenThePrior() {
		assertThat(FellegiSunter.matchProbability(0, 0.5)).isCloseTo(0.5, within(1e-12));
		// prior odds 1:1024 are -10 bits; a score of +10 evens them
		assertThat(FellegiSunter.matchProbability(10, 1 / 1025.0)).isCloseTo(0.5, within(1e-12));
		assertThat(FellegiSunter.matchProbability(20, 1 / 1025.0)).isCloseTo(1024 / 1025.0, within(1e-12));
	}

	@Test
	void aWeakerLevelNeverOutweighsAStrongerOne() {
		// u of the partial level is tiny: log2(m/u) would exceed the exact level's weight
		LevelProbabilities u = LevelProbabilities.builder()
			.set(Field.NAME, 0.01, 0.01, 0.08, 0.90)
			.set(Field.BIRTH_DATE, 0.02, 0.01, 0.07, 0.90)
			.set(Field.SEX, 0.50, 0.50)
			.set(Field.PHONE, 0.001, 0.000001, 0.998999)
			.set(Field.ADDRESS, 0.02, 0.08, 0.20, 0.70)
			.build();
		FellegiSunter model = new FellegiSunter(TRUE_M, u);
		assertThat(model.weight(Field.PHONE, 1)).isEqualTo(model.weight(Field.PHONE, 0));
	}

	@Test
	void aFieldWeightReadsAsAReviewerSeesIt() {
		assertThat(new FieldWeight(Field.NAME, NameComparator.SAME_PINYIN, 6.08)).hasToString("name: same pinyin +6.1");
		assertThat(new FieldWeight(Field.BIRTH_DATE, BirthDateComparator.SWAPPED, 4.2))
			.hasToString("birth date: day/month swapped +4.2");
		assertThat(new FieldWeight(Field.PHONE, Field.MISSING, 0)).hasToString("phone: missing +0.0");
	}

}

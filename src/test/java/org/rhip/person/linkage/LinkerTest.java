package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Decisions of the default model and thresholds on hand-made records. */
class LinkerTest {

	private final Linker linker = new Linker(FellegiSunter.defaults(), LinkageThresholds.defaults());

	private static final String HOME = "东风街道幸福社区人民路12号3栋502室";

	private static final PersonFeatures CHEN = new PersonFeatures("陈丽华", LocalDate.of(1985, 3, 7), "2",
			"13812345678", "440199001002", HOME);

	@Test
	void theSamePersonRecordedElsewhereIsLinkedWithTheWeightsShown() {
		PersonFeatures query = new PersonFeatures("陳莉華", LocalDate.of(1985, 7, 3), "2", "138-1234-5678", null,
				"幸福社区人民路12号3号楼502室");

		LinkageDecision<String> decision = linker.decide(query, List.of(linker.candidate("P1", CHEN)));

		assertThat(decision.outcome()).isEqualTo(Outcome.LINK);
		assertThat(decision.reason()).isEqualTo(LinkageDecision.Reason.ABOVE_LINK_THRESHOLD);
		assertThat(decision.candidate()).contains("P1");
		assertThat(decision.weights()).extracting(FieldWeight::levelName)
			.containsExactly("same pinyin", "day/month swapped", "same", "exact", "same address");
		assertThat(decision.weights().get(0).toString()).startsWith("name: same pinyin +");
		assertThat(decision.score()).isEqualTo(decision.weights().stream().mapToDouble(FieldWeight::weight).sum());
	}

	@Test
	void thePersonWithTheBestRecordIsChosen() {
		PersonFeatures neighbour = new PersonFeatures("陈丽", LocalDate.of(1960, 5, 1), "2", "13900001111", "440199001002",
				"东风街道幸福社区人民路12号2栋101室");
		PersonFeatures oldRecord = new PersonFeatures("CHEN Lihua", LocalDate.of(1985, 3, 7), "2", null, null, null);

		LinkageDecision<String> decision = linker.decide(CHEN, List.of(linker.candidate("P2", neighbour),
				linker.candidate("P1", oldRecord), linker.candidate("P1", CHEN)));

		assertThat(decision.outcome()).isEqualTo(Outcome.LINK);
		assertThat(decision.candidate()).contains("P1");
		assertThat(decision.runnerUpScore()).isLessThan(LinkageThresholds.defaults().review());
	}

	@Test
	void aTwinWithTheSameBirthDateHomeAndPhoneGoesToReview() {
		PersonFeatures twin = new PersonFeatures("张子涵", LocalDate.of(2012, 6, 1), "1", "13812345678", "440199001002",
				HOME);
		PersonFeatures brother = new PersonFeatures("张子轩", LocalDate.of(2012, 6, 1), "1", "13812345678",
				"440199001002", HOME);

		LinkageDecision<String> decision = linker.decide(brother, List.of(linker.candidate("T1", twin)));

		assertThat(decision.score()).isGreaterThan(LinkageThresholds.defaults().link());
		assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
		assertThat(decision.reason()).isEqualTo(LinkageDecision.Reason.NAMES_DISAGREE);
	}

	@Test
	void aTwinsSecondRecordLinksToTheTwinNotToTheSibling() {
		PersonFeatures twin = new PersonFeatures("张子涵", LocalDate.of(2012, 6, 1), "1", "13812345678", "440199001002",
				HOME);
		PersonFeatures brother = new PersonFeatures("张子轩", LocalDate.of(2012, 6, 1), "1", "13812345678",
				"440199001002", HOME);
		PersonFeatures again = new PersonFeatures("张子涵", LocalDate.of(2012, 6, 1), "1", null, null, HOME);

		LinkageDecision<String> decision = linker.decide(again,
				List.of(linker.candidate("T1", twin), linker.candidate("T2", brother)));

		assertThat(decision.runnerUpScore()).isGreaterThan(LinkageThresholds.defaults().link());
		assertThat(decision.outcome()).isEqualTo(Outcome.LINK);
		assertThat(decision.candidate()).contains("T1");
	}

	@Test
	void twoPersonsAboveTheLinkThresholdAreAmbiguous() {
		PersonFeatures copy = new PersonFeatures("陈丽华", LocalDate.of(1985, 3, 7), "2", "13812345678", null, null);

		LinkageDecision<String> decision = linker.decide(copy,
				List.of(linker.candidate("P1", CHEN), linker.candidate("P9", CHEN)));

		assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
		assertThat(decision.reason()).isEqualTo(LinkageDecision.Reason.AMBIGUOUS);
	}

	@Test
	void aNameAndSexAloneNeverLink() {
		PersonFeatures thin = new PersonFeatures("陈丽华", null, "2", null, null, null);

		LinkageDecision<String> decision = linker.decide(thin, List.of(linker.candidate("P1", CHEN)));

		assertThat(decision.score()).isGreaterThanOrEqualTo(LinkageThresholds.defaults().link());
		assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
		assertThat(decision.reason()).isEqualTo(LinkageDecision.Reason.NOT_CORROBORATED);
	}

	@Test
	void weakEvidenceGoesToReview() {
		// same pinyin, a birth-date typo, but another phone and another home
		PersonFeatures query = new PersonFeatures("陈莉华", LocalDate.of(1985, 3, 17), "2", "13599998888", "440199007001",
				"新华街道翠园社区中山路7号2栋101室");

		LinkageDecision<String> decision = linker.decide(query, List.of(linker.candidate("P1", CHEN)));

		assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
		assertThat(decision.reason()).isEqualTo(LinkageDecision.Reason.IN_REVIEW_BAND);
	}

	@Test
	void anotherPersonOrNoCandidateMakesANewPerson() {
		PersonFeatures other = new PersonFeatures("李娜", LocalDate.of(1990, 11, 23), "2", "13700001111", "440199001002",
				"东风街道幸福社区人民路8号1栋301室");

		assertThat(linker.decide(other, List.of(linker.candidate("P1", CHEN))).outcome()).isEqualTo(Outcome.NEW);
		LinkageDecision<String> none = linker.decide(other, List.of());
		assertThat(none.outcome()).isEqualTo(Outcome.NEW);
		assertThat(none.reason()).isEqualTo(LinkageDecision.Reason.NO_CANDIDATES);
		assertThat(none.candidate()).isEmpty();
	}

	@Test
	void aPopularNameWeighsLessWhenTheIndexSaysItIsPopular() {
		RecordComparator comparator = new RecordComparator();
		PersonFeatures wangWei = new PersonFeatures("王伟", LocalDate.of(1980, 1, 1), "1", null, null, null);
		List<PreparedRecord> index = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			index.add(comparator.prepare(new PersonFeatures(i < 10 ? "王伟" : "李" + (char) ('一' + i), null, "1", null, null, null)));
		}
		Scorer plain = new Scorer(FellegiSunter.defaults(), ValueFrequencies.none(), comparator);
		Scorer counted = new Scorer(FellegiSunter.defaults(), ValueFrequencies.count(index), comparator);
		PreparedRecord a = comparator.prepare(wangWei);

		double nameWeight = plain.score(a, a, 1).weights().get(0).weight();
		double popularNameWeight = counted.score(a, a, 1).weights().get(0).weight();

		assertThat(nameWeight).isEqualTo(FellegiSunter.defaults().weight(Field.NAME, NameComparator.EXACT));
		// 9 of the 200 records besides the one compared are 王伟: u becomes 0.045 instead of 0.00019
		assertThat(popularNameWeight).isCloseTo(nameWeight + Math.log(0.00019 / (9 / 200.0)) / Math.log(2),
				within(1e-9));
	}

	@Test
	void thresholdsRiseWithTheSizeOfTheIndex() {
		assertThat(LinkageThresholds.forIndexSize(10_000)).isEqualTo(LinkageThresholds.defaults());
		LinkageThresholds large = LinkageThresholds.forIndexSize(3_840_000);
		assertThat(large.link()).isCloseTo(LinkageThresholds.defaults().link() + 7, within(1e-9));
	}

}

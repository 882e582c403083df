package org.rhip.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Worked examples from REFERENCE.md §4 (GB 11643-1999). */
class ResidentIdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Test
	void theStandardsExamplesHaveTheirCheckCharacters() {
		assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
		ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x", TODAY);
		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sex()).isEqualTo("female");
	}

	@Test
	void aFifteenDigitNumberIsUpgraded() {
		assertThat(ResidentIdNumber.parse("130503670401001", TODAY).value()).isEqualTo("130503196704010016");
	}

	@Test
	void aWrongCheckCharacterOrImpossibleDateIsRejectedWithoutEchoingTheNumber() {
		assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", TODAY)).hasMessageContaining("check character")
			.hasMessageNotContaining("1101051949");
		String feb30 = "44010619900230001";
		assertThatThrownBy(() -> ResidentIdNumber.parse(feb30 + ResidentIdNumber.checkCharacter(feb30), TODAY))
			.hasMessageContaining("not a date");
		String future = "44010620300101001";
		assertThatThrownBy(() -> ResidentIdNumber.parse(future + ResidentIdNumber.checkCharacter(future), TODAY))
			.hasMessageContaining("impossible");
	}

	@Test
	void aRegionCodeThatIsNoProvinceIsRejected() {
		for (String province : new String[] { "00", "10", "19", "20", "47", "66", "72", "84", "99" }) {
			String body = province + "010619900101001";
			assertThatThrownBy(() -> ResidentIdNumber.parse(body + ResidentIdNumber.checkCharacter(body), TODAY))
				.as(province)
				.hasMessageContaining("region code");
		}
		for (String province : new String[] { "11", "44", "65", "71", "81", "82", "83" }) {
			String body = province + "010619900101001";
			assertThat(ResidentIdNumber.parse(body + ResidentIdNumber.checkCharacter(body), TODAY).value()).startsWith(province);
		}
	}

	@Test
	void aBirthDateBefore1870OrInTheFutureIsImpossible() {
		String old = "44010618691231001";
		assertThatThrownBy(() -> ResidentIdNumber.parse(old + ResidentIdNumber.checkCharacter(old), TODAY))
			.hasMessageContaining("impossible");
		String tomorrow = "44010620261124001";
		assertThatThrownBy(() -> ResidentIdNumber.parse(tomorrow + ResidentIdNumber.checkCharacter(tomorrow), TODAY))
			.hasMessageContaining("impossible");
		String today = "44010620261123001";
		assertThat(ResidentIdNumber.parse(today + ResidentIdNumber.checkCharacter(today), TODAY).birthDate()).isEqualTo(TODAY);
	}

	@Test
	void malformedNumbersAreRejected() {
		for (String bad : new String[] { "", "4401061990010100", "44010619900101001Y", "4401061990010100１X", "abc" }) {
			assertThatThrownBy(() -> ResidentIdNumber.parse(bad, TODAY)).as(bad).hasMessageContaining("18 characters");
		}
	}

	@Test
	void maskingKeepsTheAddressCodeAndTheLastFour() {
		assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).masked()).isEqualTo("110105********002X");
	}

}

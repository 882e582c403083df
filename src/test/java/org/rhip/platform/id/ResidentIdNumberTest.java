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
	void maskingKeepsTheAddressCodeAndTheLastFour() {
		assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).masked()).isEqualTo("110105********002X");
	}

}

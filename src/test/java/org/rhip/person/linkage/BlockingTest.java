package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BlockingTest {

	private final Blocking blocking = new Blocking();

	private static final LocalDate BIRTH = LocalDate.of(1985, 3, 7);

	private static PersonFeatures person(String name, LocalDate birth, String phone, String orgUnit) {
		return new PersonFeatures(name, birth, "1", phone, orgUnit, null);
	}

	private boolean shareAKey(PersonFeatures a, PersonFeatures b) {
		Set<String> keys = new HashSet<>(blocking.blockingKeys(a));
		return blocking.blockingKeys(b).stream().anyMatch(keys::contains);
	}

	@Test
	void aRecordHasItsBirthDateNameAndPhoneKeys() {
		assertThat(blocking.blockingKeys(person("张伟", BIRTH, "13812345678", "440199001002"))).containsExactly(
				"b:1985-03-07", "ny:zhang.w:1985", "nd:zhang.w:0307", "na:zhang.w:440199001002", "p:12345678");
	}

	@Test
	void anEmptyRecordHasNoKeys() {
		assertThat(blocking.blockingKeys(new PersonFeatures(null, null, null, null, null, null))).isEmpty();
	}

	@Test
	void homophonesVariantsAndPinyinShareTheNameKeys() {
		List<String> keys = blocking.blockingKeys(person("张伟", BIRTH, null, null));
		assertThat(blocking.blockingKeys(person("章玮", BIRTH, null, null))).containsAll(keys);
		assertThat(blocking.blockingKeys(person("張偉", BIRTH, null, null))).containsAll(keys);
		assertThat(blocking.blockingKeys(person("Wei ZHANG", BIRTH, null, null))).containsAll(keys);
	}

	@Test
	void eachCommonErrorLeavesAKeyInCommon() {
		PersonFeatures original = person("张伟", BIRTH, "13812345678", "440199001002");
		assertThat(shareAKey(original, person("张伟", LocalDate.of(1985, 7, 3), null, null))).as("day and month swapped")
			.isTrue();
		assertThat(shareAKey(original, person("张伟", LocalDate.of(1995, 3, 7), null, null))).as("year mistyped").isTrue();
		assertThat(shareAKey(original, person("赵四", null, "+86 138 1234 5678", null))).as("only the phone").isTrue();
		assertThat(shareAKey(original, person("张伟", null, null, "440199001002"))).as("no birth date").isTrue();
		assertThat(shareAKey(original, person("李娜", LocalDate.of(1990, 1, 1), "13900000000", "440199001002")))
			.as("another person in the community")
			.isFalse();
	}

}

package org.rhip.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Bulk registration: new ID numbers created by COPY, the rest linked one by one, a bad record refused alone. */
class PersonBulkRegistrationTest extends IntegrationTest {

	@Autowired
	PersonApi persons;

	@Test
	void newPersonsAreCreatedInBulkAndTheSameBatchAgainCreatesNothing() {
		List<SourcePatient> batch = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String body = "440203" + "1970" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", 500 + i);
			batch.add(patient("bulk-" + i, body + ResidentIdNumber.checkCharacter(body), "刘" + (char) ('一' + i)));
		}
		// the same ID number twice in one batch, and a wrong check digit
		batch.add(patient("bulk-dup", batch.get(0).idNumber(), "刘一"));
		batch.add(patient("bulk-bad", "44020319700101123" + "0", "错号"));
		List<Registration> first = persons.registerAll(batch);
		assertThat(first.subList(0, 50)).allMatch(r -> r.ok() && r.link().outcome() == LinkOutcome.NEW);
		assertThat(first.get(50).link().outcome()).isEqualTo(LinkOutcome.ID_NUMBER);
		assertThat(first.get(50).link().personId()).isEqualTo(first.get(0).link().personId());
		assertThat(first.get(51).ok()).isFalse();
		assertThat(first.get(51).error().field()).isEqualTo("idNumber");
		List<Registration> again = persons.registerAll(batch);
		for (int i = 0; i < 51; i++) {
			assertThat(again.get(i).link().outcome()).isEqualTo(LinkOutcome.SAME_SOURCE);
			assertThat(again.get(i).link().personId()).isEqualTo(first.get(i).link().personId());
		}
		Person p = persons.search(new PersonQuery(batch.get(3).idNumber(), null, null, null), 5).get(0);
		assertThat(p.id()).isEqualTo(first.get(3).link().personId());
		assertThat(p.name()).isEqualTo("刘*");
	}

	private static SourcePatient patient(String value, String idNumber, String name) {
		return new SourcePatient("Patient", value, "440203-H001", List.of(), idNumber, List.of(), name, null, null,
				"13800000000", "440203001", "惠民街道1号", true, true, null);
	}

}

package org.rhip.record.store;

import java.util.List;

import org.rhip.person.PersonApi;
import org.rhip.person.PersonUnmerged;
import org.rhip.person.PersonsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves records with their persons. A plain {@link EventListener}, not an
 * {@code @ApplicationModuleListener}: it runs in the transaction of {@code PersonApi.merge} /
 * {@code unmerge}, so the person index and the records change together or not at all. An
 * after-commit listener in a new transaction would, without the JDBC event publication registry (not
 * on the class path), leave records on a merged person if the process stopped in between, and a
 * reader would meanwhile see a survivor without the merged person's records.
 */
@Component
class PersonMoves {

	static final List<String> TABLES = List.of("record.resource", "record.encounter", "record.diagnosis",
			"record.encounter_diagnosis", "record.observation", "record.immunization", "record.medication",
			"record.procedure", "record.report", "record.allergy", "record.patient_fact");

	private final JdbcClient jdbc;

	private final PersonApi persons;

	PersonMoves(JdbcClient jdbc, PersonApi persons) {
		this.jdbc = jdbc;
		this.persons = persons;
	}

	@EventListener
	void merged(PersonsMerged event) {
		// record.resource has no person index (bulk speed): its rows are found by their Patients, which
		// the person index has just moved to the survivor
		String[] patients = persons.patientIds(event.survivor()).toArray(String[]::new);
		jdbc.sql("update record.resource set person_id = ? where patient_id = any(?) and person_id is distinct from ?")
			.params(event.survivor(), patients, event.survivor())
			.update();
		for (String table : TABLES.subList(1, TABLES.size())) {
			jdbc.sql("update " + table + " set person_id = ? where person_id = ?")
				.params(event.survivor(), event.merged())
				.update();
		}
	}

	@EventListener
	void unmerged(PersonUnmerged event) {
		if (event.patientIds().isEmpty()) {
			return;
		}
		String[] patients = event.patientIds().toArray(String[]::new);
		for (String table : TABLES) {
			jdbc.sql("update " + table + " set person_id = ? where patient_id = any(?)")
				.params(event.restored(), patients)
				.update();
		}
	}

}

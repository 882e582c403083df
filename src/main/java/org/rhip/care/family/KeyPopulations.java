package org.rhip.care.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rhip.care.KeyGroup;
import org.rhip.care.KeyPopulation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key populations (重点人群) of one resident on a day: age groups from the birth date, disease
 * groups from the diagnoses projected from the records ({@link KeyGroupSql}, the rules of the
 * key-population signing rate), and the tags declared on the resident's latest contract that started
 * on or before the day.
 */
@Component
public class KeyPopulations {

	private static final String DIAGNOSES = """
			select coalesce(bool_or(%s and g.date <= :day), false) as hypertension,
			       coalesce(bool_or(%s and g.date <= :day), false) as diabetes,
			       coalesce(bool_or(%s and g.date <= :day), false) as smi,
			       coalesce(bool_or(%s), false) as tuberculosis,
			       coalesce(bool_or(%s), false) as pregnant
			from record.diagnosis g
			where g.person_id = :person and g.icd10 is not null and %s
			""".formatted(KeyGroupSql.HYPERTENSION, KeyGroupSql.DIABETES, KeyGroupSql.SEVERE_MENTAL_DISORDER,
			KeyGroupSql.tuberculosisOn(":day"), KeyGroupSql.pregnantOn(":day"), KeyGroupSql.VALID);

	private final JdbcClient jdbc;

	KeyPopulations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public KeyPopulation of(long personId, LocalDate birthDate, LocalDate day) {
		List<KeyGroup> groups = new ArrayList<>();
		if (birthDate != null && !birthDate.isAfter(day)) {
			// the same rules as KeyGroupSql.elderlyOn / childOn
			if (!birthDate.isAfter(day.minusYears(65))) {
				groups.add(KeyGroup.ELDERLY);
			}
			if (birthDate.isAfter(day.minusYears(7))) {
				groups.add(KeyGroup.CHILD);
			}
		}
		jdbc.sql(DIAGNOSES).param("person", personId).param("day", day).query(rs -> {
			if (rs.getBoolean("hypertension")) {
				groups.add(KeyGroup.HYPERTENSION);
			}
			if (rs.getBoolean("diabetes")) {
				groups.add(KeyGroup.DIABETES);
			}
			if (rs.getBoolean("smi")) {
				groups.add(KeyGroup.SEVERE_MENTAL_DISORDER);
			}
			if (rs.getBoolean("tuberculosis")) {
				groups.add(KeyGroup.TUBERCULOSIS);
			}
			if (rs.getBoolean("pregnant")) {
				groups.add(KeyGroup.PREGNANT);
			}
		});
		jdbc.sql("""
				select unnest(key_tags) from (
				    select key_tags from care.contract where person_id = :person and start_date <= :day
				    order by start_date desc, id desc limit 1) latest
				""").param("person", personId).param("day", day)
			.query(String.class).list()
			.forEach(tag -> KeyGroup.declarable(tag).ifPresent(groups::add));
		return new KeyPopulation(personId, day, groups);
	}

}

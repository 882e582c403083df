package org.rhip.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.rhip.synthetic.model.DistrictSink;
import org.rhip.synthetic.model.LifeEvent;
import org.rhip.synthetic.model.LifeEvent.BloodPressure;
import org.rhip.synthetic.model.LifeEvent.Born;
import org.rhip.synthetic.model.LifeEvent.Diagnosed;
import org.rhip.synthetic.model.LifeEvent.Died;
import org.rhip.synthetic.model.LifeEvent.FastingGlucose;
import org.rhip.synthetic.model.LifeEvent.GestationalAge;
import org.rhip.synthetic.model.LifeEvent.Measurement;
import org.rhip.synthetic.model.LifeEvent.RiskLevel;
import org.rhip.synthetic.model.LifeEvent.Served;
import org.rhip.synthetic.model.LifeEvent.Vaccinated;
import org.rhip.synthetic.model.LifeEvent.Visited;
import org.rhip.synthetic.model.Person;
import org.rhip.synthetic.model.PersonHistory;
import org.rhip.synthetic.model.Sex;
import org.rhip.synthetic.model.Team;

/**
 * 分析表直写 — the benchmark's shortcut past FHIR: writes, for each resident's history, the rows that
 * importing the FHIR of {@code FhirNdjsonWriter} would leave in the person index and in the record
 * projections the indicators read (same resource ids, codes, China dates, kinds, type codes), as
 * PostgreSQL COPY text, one file a table. Persons get ids 1, 2, … in resident order (a newborn after
 * its mother), as a fresh person index would number them. Rows are streamed, nothing is kept.
 */
public final class AnalyticRowsSink implements DistrictSink {

	/** A table filled, the COPY column list of its file. */
	public enum Table {

		PERSON("person.person", "id, sex, birth_date, death_date, org_unit_code, status"),
		PATIENT_FACT("record.patient_fact",
				"resource_id, person_id, patient_id, institution_code, sex, birth_date, deceased_at, death_date, mother_patient_id, date"),
		ENCOUNTER("record.encounter",
				"resource_id, person_id, patient_id, institution_code, class_code, kind, type_code, status, start_at, end_at, date, bed_days"),
		DIAGNOSIS("record.diagnosis", "source_type, resource_id, seq, person_id, patient_id, institution_code, system, code, icd10,"
				+ " encounter_id, clinical_status, verification_status, date"),
		OBSERVATION("record.observation", "resource_id, seq, person_id, patient_id, institution_code, system, code, panel_code,"
				+ " value, unit, value_code, status, effective_at, date, encounter_id"),
		IMMUNIZATION("record.immunization", "resource_id, person_id, patient_id, institution_code, vaccine_system, vaccine_code,"
				+ " dose_number, status, date, performer_institution");

		private final String name;

		private final String columns;

		Table(String name, String columns) {
			this.name = name;
			this.columns = columns;
		}

		/** Schema-qualified name. */
		public String tableName() {
			return name;
		}

		public String columns() {
			return columns;
		}

		/** The name without the schema. */
		public String local() {
			return name.substring(name.indexOf('.') + 1);
		}

	}

	// the systems the generator's FHIR uses (FhirNdjsonWriter)
	private static final String BASE = "http://rhip.org.cn/fhir";

	private static final String VACCINE = BASE + "/CodeSystem/nip-vaccine";

	private static final String CARE_OBSERVATION = BASE + "/CodeSystem/care-observation";

	private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

	private static final String LOINC = "http://loinc.org";

	private static final String NULL = "\\N";

	private final Map<Table, Writer> out = new EnumMap<>(Table.class);

	private final Map<Table, long[]> counts = new EnumMap<>(Table.class);

	private long nextPersonId;

	/**
	 * Writes each table's rows to its stream (a file, or a COPY in progress), numbering persons from
	 * {@code firstPersonId}; closing the sink closes the streams.
	 */
	public AnalyticRowsSink(Map<Table, ? extends OutputStream> streams, long firstPersonId) {
		this.nextPersonId = firstPersonId;
		for (Table table : Table.values()) {
			out.put(table, new BufferedWriter(new OutputStreamWriter(streams.get(table), StandardCharsets.UTF_8), 1 << 16));
			counts.put(table, new long[1]);
		}
	}

	/**
	 * Streams into PostgreSQL: one COPY a table, into the table {@code target} names for it, each on a
	 * connection of its own (closed with the sink).
	 */
	public static AnalyticRowsSink copyInto(DataSource dataSource, Function<Table, String> target, long firstPersonId)
			throws SQLException {
		Map<Table, OutputStream> streams = new EnumMap<>(Table.class);
		for (Table table : Table.values()) {
			Connection connection = dataSource.getConnection();
			streams.put(table, new FilterOutputStream(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
					"copy " + target.apply(table) + " (" + table.columns() + ") from stdin", 1 << 16)) {

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					out.write(b, off, len);
				}

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						try {
							connection.close();
						}
						catch (SQLException ex) {
							throw new IOException(ex);
						}
					}
				}

			});
		}
		return new AnalyticRowsSink(streams, firstPersonId);
	}

	/** Rows written to a table so far. */
	public long rows(Table table) {
		return counts.get(table)[0];
	}

	@Override
	public void teams(List<Team> teams) {
		// teams and contracts are not read by the record-based indicators
	}

	@Override
	public void person(PersonHistory history) throws IOException {
		write(history);
		for (PersonHistory child : history.children()) {
			write(child);
		}
	}

	private void write(PersonHistory history) throws IOException {
		Person p = history.person();
		long personId = nextPersonId++;
		Died death = history.events().stream().filter(Died.class::isInstance).map(Died.class::cast).findFirst().orElse(null);
		LocalDate deathDate = death == null ? null : death.time().toLocalDate();
		row(Table.PERSON, personId, p.sex() == Sex.MALE ? "1" : "2", p.birthDate(), deathDate, p.orgUnit(), "active");
		row(Table.PATIENT_FACT, p.id(), personId, p.id(), p.recordInstitution(), p.sex().code(), p.birthDate(),
				death == null ? null : timestamp(death.time()), deathDate, p.motherId().orElse(null), p.birthDate());
		Rows r = new Rows(p.id(), personId);
		for (LifeEvent event : history.events()) {
			if (event instanceof Born born) {
				r.observation(r.next("o"), 0, LOINC, "8339-4", null, born.weightGrams(), "g", null, born.time(), null);
				r.observation(r.next("o"), 0, LOINC, "11884-4", null, born.gestationalWeeks(), "wk", null, born.time(), null);
			}
			else if (event instanceof Died died) {
				r.observation(r.next("o"), 0, LOINC, "69453-9", null, null, null, died.cause().code(), died.time(), null);
				r.observation(r.next("o"), 0, LOINC, "58332-8", null, null, null, died.place().code(), died.time(), null);
			}
			else if (event instanceof Diagnosed d) {
				row(Table.DIAGNOSIS, "Condition", r.next("c"), 0, personId, p.id(), null, ICD10, d.icd10(),
						d.icd10().strip().toUpperCase(java.util.Locale.ROOT), null, d.abated().isPresent() ? "resolved" : "active",
						"confirmed", d.time().toLocalDate());
			}
			else if (event instanceof Served served) {
				served(r, served);
			}
			else if (event instanceof Visited v) {
				String kind = switch (v.visitClass()) {
					case OUTPATIENT -> "outpatient";
					case EMERGENCY -> "emergency";
					case INPATIENT -> "inpatient";
				};
				Integer bedDays = kind.equals("inpatient")
						? (int) ChronoUnit.DAYS.between(v.time().toLocalDate(), v.end().toLocalDate()) : null;
				r.encounter(r.next("e"), v.visitClass().code(), kind, null, v.time(), v.end(), v.institution(), bedDays);
			}
			else if (event instanceof Vaccinated v) {
				row(Table.IMMUNIZATION, r.next("i"), personId, p.id(), v.institution(), VACCINE, v.vaccine(), v.dose(), "completed",
						v.time().toLocalDate(), v.institution());
			}
		}
	}

	private void served(Rows r, Served served) throws IOException {
		String encounter = r.next("e");
		LocalDateTime at = served.time();
		r.encounter(encounter, served.type().home() ? "HH" : "AMB", "public_health", served.type().code(), at, at.plusMinutes(20),
				served.institution(), null);
		for (Measurement m : served.measurements()) {
			String id = r.next("o");
			if (m instanceof BloodPressure bp) {
				r.observation(id, 1, LOINC, "8480-6", "85354-9", bp.systolic(), "mm[Hg]", null, at, encounter);
				r.observation(id, 2, LOINC, "8462-4", "85354-9", bp.diastolic(), "mm[Hg]", null, at, encounter);
			}
			else if (m instanceof FastingGlucose g) {
				r.observation(id, 0, LOINC, "1558-6", null, g.tenths() / 10 + "." + g.tenths() % 10, "mmol/L", null, at, encounter);
			}
			else if (m instanceof GestationalAge age) {
				r.observation(id, 0, LOINC, "11884-4", null, age.weeks(), "wk", null, at, encounter);
			}
			else {
				r.observation(id, 0, CARE_OBSERVATION, "smd-risk", null, ((RiskLevel) m).level(), null, null, at, encounter);
			}
		}
	}

	/** One person's rows: ids as the FHIR writer numbers them (person id, type letter, one counter). */
	private final class Rows {

		private final String patient;

		private final long personId;

		private int count;

		Rows(String patient, long personId) {
			this.patient = patient;
			this.personId = personId;
		}

		String next(String type) {
			return patient + "-" + type + (++count);
		}

		void encounter(String id, String classCode, String kind, String type, LocalDateTime start, LocalDateTime end,
				String institution, Integer bedDays) throws IOException {
			row(Table.ENCOUNTER, id, personId, patient, institution, classCode, kind, type, "finished", timestamp(start),
					timestamp(end), start.toLocalDate(), bedDays);
		}

		void observation(String id, int seq, String system, String code, String panel, Object value, String unit,
				String valueCode, LocalDateTime at, String encounter) throws IOException {
			row(Table.OBSERVATION, id, seq, personId, patient, null, system, code, panel, value, unit, valueCode, "final",
					timestamp(at), at.toLocalDate(), encounter);
		}

	}

	/** China time as a timestamptz literal. */
	private static String timestamp(LocalDateTime time) {
		return time.toString().replace('T', ' ') + "+08";
	}

	private void row(Table table, Object... values) throws IOException {
		Writer w = out.get(table);
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				w.write('\t');
			}
			w.write(values[i] == null ? NULL : values[i].toString());
		}
		w.write('\n');
		counts.get(table)[0]++;
	}

	@Override
	public void close() throws IOException {
		IOException first = null;
		for (Writer w : out.values()) {
			try {
				w.close();
			}
			catch (IOException ex) {
				first = first == null ? ex : first;
			}
		}
		if (first != null) {
			throw first;
		}
	}

}

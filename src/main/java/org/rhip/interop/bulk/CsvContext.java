package org.rhip.interop.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the rows of one CSV file are mapped with: the importing institution, today, deterministic
 * ids and the patients the rows name.
 *
 * <p>Ids are {@code csv-} and 32 hex digits of a keyed hash of the resource type, the institution
 * and the row's key, so importing the same file again yields the same ids (nothing new) and an id
 * reveals no ID number. A Patient is keyed by the institution's patient number when the row has
 * one, else by the ID number; other templates name their patient the same way, and the keys of every
 * Patient imported are kept (hashed) so that a later file naming the patient by the other key finds it.
 */
final class CsvContext {

	/** Patient keys carried by a mapped Patient ({@code String[]{kind, hash}}), saved when it is stored. */
	static final String PATIENT_KEYS = "rhip.csv.patient-keys";

	static final Column PATIENT_NUMBER = Column.optional("patient_number", "本机构患者编号", "患者编号", "病案号", "门诊号",
			"档案编号", "patient_no", "patient id");

	static final Column ID_NUMBER = Column.optional("id_number", "身份证号", "身份证号码", "公民身份号码", "证件号码",
			"resident id");

	final String institution;

	final LocalDate today;

	/** Rows may name only the importing institution (an API client of an institution). */
	final boolean ownInstitutionOnly;

	private final CsvLookups lookups;

	private final UnaryOperator<String> hash;

	private final Map<String, String> known = new ConcurrentHashMap<>();

	CsvContext(String institution, LocalDate today, boolean ownInstitutionOnly, CsvLookups lookups,
			UnaryOperator<String> hash) {
		this.institution = institution;
		this.today = today;
		this.ownInstitutionOnly = ownInstitutionOnly;
		this.lookups = lookups;
		this.hash = hash;
	}

	/** The id of a resource of this institution with this key. */
	String id(String resourceType, String... key) {
		return "csv-" + hash.apply(resourceType + "|" + institution + "|" + String.join("|", key)).substring(0, 32);
	}

	/** A hashed patient key of this institution. */
	String patientKey(String kind, String value) {
		return hash.apply("patient|" + institution + "|" + kind + "|" + value);
	}

	/** The Patient id of a patients-template row and the keys it is found by later. */
	String patientId(Resource patient, Optional<String> number, Optional<String> idNumber) {
		List<String[]> keys = new ArrayList<>();
		number.ifPresent(n -> keys.add(new String[] { "number", patientKey("number", n) }));
		idNumber.ifPresent(n -> keys.add(new String[] { "id", patientKey("id", n) }));
		patient.setUserData(PATIENT_KEYS, keys);
		return number.map(n -> id("Patient", "number", n)).orElseGet(() -> id("Patient", "id", idNumber.orElseThrow()));
	}

	/**
	 * The patient a row names by patient number or ID number: the Patient an earlier import keyed by
	 * either (patient number first), else the id a patients row with that key gets.
	 */
	Reference patient(Row row) {
		Optional<String> number = row.text(PATIENT_NUMBER);
		Optional<String> idNumber = row.idNumber(ID_NUMBER).map(n -> n.value());
		if (number.isEmpty() && idNumber.isEmpty()) {
			throw new RowProblem(row.header(PATIENT_NUMBER) + "/" + row.header(ID_NUMBER),
					"name the patient by patient number or ID number");
		}
		String cacheKey = number.orElse("") + "|" + idNumber.orElse("");
		return new Reference("Patient/" + known.computeIfAbsent(cacheKey, k -> number
			.flatMap(n -> lookups.patientId(institution, "number", patientKey("number", n)))
			.or(() -> idNumber.flatMap(n -> lookups.patientId(institution, "id", patientKey("id", n))))
			.orElseGet(() -> number.map(n -> id("Patient", "number", n)).orElseGet(() -> id("Patient", "id", idNumber.get())))));
	}

	/** The stored Patient with this id (a copy to change, without its version), if there is one. */
	Optional<Patient> storedPatient(String id) {
		return lookups.storedPatient(id).map(p -> {
			Patient copy = p.copy();
			copy.setMeta(null);
			copy.setId(id);
			return copy;
		});
	}

	/** The Patient an earlier import of this institution stored for an ID number. */
	Optional<String> knownByIdNumber(String idNumber) {
		return lookups.patientId(institution, "id", patientKey("id", idNumber));
	}

	/** The institution a cell names (default: the importing one). */
	String institution(Row row, Column column) {
		Optional<String> code = row.text(column);
		if (code.isEmpty() || code.get().equals(institution)) {
			return institution;
		}
		if (ownInstitutionOnly) {
			throw row.problem(column, "names another institution; this import may write only for " + institution);
		}
		if (!lookups.institutionExists(code.get())) {
			throw row.problem(column, "is not an institution of the registry");
		}
		return code.get();
	}

	Optional<String> orgUnit(Row row, Column column) {
		return row.text(column).map(text -> {
			try {
				return lookups.orgUnit(institution, text)
					.orElseThrow(() -> row.problem(column, "is not an org unit code or name of the district"));
			}
			catch (IllegalArgumentException ex) {
				throw row.problem(column, ex.getMessage());
			}
		});
	}

}

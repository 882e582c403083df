package org.rhip.record.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.rhip.person.PersonDocument;
import org.rhip.person.SourcePatient;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.InvalidResource;
import org.rhip.record.RecordSystems;

import org.springframework.stereotype.Component;

/**
 * A FHIR Patient as the person index sees it (a {@link SourcePatient} with system {@code Patient} and
 * the resource id): the resident ID number (system {@value RecordSystems#RESIDENT_ID} or the NHC URI,
 * or identifier type NNCHN / RI), a passport (type PPN) as a document, the institution's own patient
 * numbers as further source identifiers; sex by GB/T 2261.1; the name (a Chinese name as family and
 * given without a space); the first phone; the address's org unit. Remembers which FHIR element gave
 * each field, so a field the person index refuses is reported by its FHIR path.
 */
@Component
public class PatientMapper {

	/** Identifier types that are identity documents, not an institution's patient numbers. */
	private static final Set<String> DOCUMENT_TYPES = Set.of("NNCHN", "RI", "PPN", "SS", "DL", "SB", "NI", "NH", "CZ",
			"TAX", "BCT", "DR");

	/** A mapped Patient, and the FHIR path of each field of it. */
	public record Mapped(SourcePatient source, Map<String, String> paths) {

		/** The FHIR path of a person-index field ({@code idNumber} → {@code Patient.identifier[0].value}). */
		public String path(String field) {
			return paths.getOrDefault(field, "Patient");
		}

		/** A refusal of the person index, renamed to the FHIR element. */
		public InvalidResource translate(InvalidInput ex) {
			return InvalidResource.rule(ex.code(), path(ex.field()), ex.getMessage());
		}

	}

	private final AddressMatcher addresses;

	PatientMapper(AddressMatcher addresses) {
		this.addresses = addresses;
	}

	public Mapped map(Patient p, String id, String institution) {
		Map<String, String> paths = new HashMap<>();
		paths.put("identifier", "Patient.id");
		paths.put("sex", "Patient.gender");
		paths.put("birthDate", "Patient.birthDate");
		paths.put("deathDate", "Patient.deceasedDateTime");
		String idNumber = null;
		List<PersonDocument> documents = new ArrayList<>();
		List<String[]> others = new ArrayList<>();
		for (int i = 0; i < p.getIdentifier().size(); i++) {
			Identifier identifier = p.getIdentifier().get(i);
			if (!identifier.hasValue()) {
				continue;
			}
			String type = typeCode(identifier);
			String path = "Patient.identifier[" + i + "].value";
			if (RecordSystems.isResidentId(identifier.getSystem()) || "NNCHN".equals(type) || "RI".equals(type)) {
				if (idNumber == null) {
					idNumber = identifier.getValue();
					paths.put("idNumber", path);
				}
			}
			else if ("PPN".equals(type)) {
				documents.add(new PersonDocument("passport", identifier.getValue()));
				paths.putIfAbsent("documents", path);
			}
			else if (identifier.hasSystem() && (type == null || !DOCUMENT_TYPES.contains(type))) {
				others.add(new String[] { identifier.getSystem(), identifier.getValue() });
			}
		}
		String name = null;
		int nameIndex = preferredName(p.getName());
		if (nameIndex >= 0) {
			name = nameText(p.getName().get(nameIndex));
			paths.put("name", "Patient.name[" + nameIndex + "]");
		}
		String phone = null;
		for (int i = 0; i < p.getTelecom().size(); i++) {
			ContactPoint t = p.getTelecom().get(i);
			if (t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue()) {
				if (phone == null || t.getUse() == ContactPoint.ContactPointUse.MOBILE) {
					phone = t.getValue();
					paths.put("phone", "Patient.telecom[" + i + "].value");
				}
			}
		}
		String orgUnit = null;
		String addressText = null;
		int addressIndex = preferredAddress(p.getAddress());
		if (addressIndex >= 0) {
			Address a = p.getAddress().get(addressIndex);
			String path = "Patient.address[" + addressIndex + "]";
			paths.put("address", path);
			Optional<String> declared = declaredOrgUnit(a, path);
			orgUnit = declared.orElseGet(() -> addresses.match(a).orElse(null));
			String text = AddressMatcher.text(a);
			addressText = text.isBlank() ? null : text;
		}
		LocalDate birth = p.hasBirthDateElement() && p.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY
				? LocalDate.of(p.getBirthDateElement().getYear(), p.getBirthDateElement().getMonth() + 1,
						p.getBirthDateElement().getDay())
				: null;
		LocalDate death = p.hasDeceasedDateTimeType() ? chinaDate(p.getDeceasedDateTimeType()) : null;
		SourcePatient source = new SourcePatient("Patient", id, institution, others, idNumber, documents, name, sex(p),
				birth, phone, orgUnit, addressText, null, null, death);
		return new Mapped(source, paths);
	}

	/** The org unit an address names by the RHIP extension, checked against the registry. */
	private Optional<String> declaredOrgUnit(Address a, String path) {
		List<Extension> ext = a.getExtensionsByUrl(RecordSystems.ORG_UNIT);
		if (ext.isEmpty()) {
			return Optional.empty();
		}
		String code = ext.get(0).getValue() instanceof CodeType c ? c.getValue()
				: ext.get(0).getValue() instanceof StringType s ? s.getValue() : null;
		if (code == null || !addresses.exists(code)) {
			throw InvalidResource.rule("record.org-unit", path + ".extension",
					"the org-unit extension names no org unit of the registry");
		}
		return Optional.of(code);
	}

	static String sex(Patient p) {
		if (!p.hasGender()) {
			return null;
		}
		return switch (p.getGender()) {
			case MALE -> "1";
			case FEMALE -> "2";
			case OTHER -> "9";
			case UNKNOWN -> "0";
			default -> null;
		};
	}

	/** A Chinese name as written (family then given, no space); a Latin one as given names then family. */
	static String nameText(HumanName n) {
		String family = n.hasFamily() ? n.getFamily().strip() : "";
		String given = String.join(" ", n.getGiven().stream().map(StringType::getValue).filter(v -> v != null).toList()).strip();
		if (n.hasText() && (family.isEmpty() && given.isEmpty() || han(n.getText()))) {
			return n.getText().strip();
		}
		if (han(family) || han(given)) {
			return family + given.replace(" ", "");
		}
		String name = (given + " " + family).strip();
		return name.isEmpty() ? null : name;
	}

	/** The name parts a name search may give: the whole name, family, each given name. */
	public static List<String> nameParts(Patient p) {
		List<String> parts = new ArrayList<>();
		for (HumanName n : p.getName()) {
			String whole = nameText(n);
			if (whole != null) {
				parts.add(whole);
			}
			if (n.hasText()) {
				parts.add(n.getText());
			}
			if (n.hasFamily()) {
				parts.add(n.getFamily());
			}
			n.getGiven().forEach(g -> {
				if (g.getValue() != null) {
					parts.add(g.getValue());
				}
			});
		}
		return parts;
	}

	static boolean han(String s) {
		return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static int preferredName(List<HumanName> names) {
		for (int i = 0; i < names.size(); i++) {
			HumanName n = names.get(i);
			if ((n.getUse() == HumanName.NameUse.OFFICIAL || n.getUse() == HumanName.NameUse.USUAL) && nameText(n) != null) {
				return i;
			}
		}
		for (int i = 0; i < names.size(); i++) {
			if (nameText(names.get(i)) != null) {
				return i;
			}
		}
		return -1;
	}

	private static int preferredAddress(List<Address> addresses) {
		for (int i = 0; i < addresses.size(); i++) {
			if (addresses.get(i).getUse() == Address.AddressUse.HOME) {
				return i;
			}
		}
		return addresses.isEmpty() ? -1 : 0;
	}

	private static String typeCode(Identifier identifier) {
		if (!identifier.hasType()) {
			return null;
		}
		for (Coding c : identifier.getType().getCoding()) {
			if (c.hasCode()) {
				return c.getCode();
			}
		}
		return null;
	}

	static LocalDate chinaDate(DateTimeType t) {
		if (t.getValue() == null || t.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
			return null;
		}
		return org.rhip.record.ChinaDates.date(t);
	}

}

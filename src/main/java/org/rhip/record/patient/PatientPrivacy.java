package org.rhip.record.patient;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.rhip.record.RecordSystems;
import org.rhip.security.Masking;

/**
 * What of a Patient may be stored readable, and what a reader who may not see identifiers gets. The
 * stored jsonb keeps only elements that identify no one (gender, birth date, death, marital status,
 * multiple birth, languages, links, the general practitioner and managing organization, the mother
 * extension); the whole Patient is stored encrypted beside it.
 */
public final class PatientPrivacy {

	private PatientPrivacy() {
	}

	/** The Patient without identifier, name, telecom, address, contact, photo or narrative. */
	public static Patient stripped(Patient full) {
		Patient p = new Patient();
		p.setIdElement(full.getIdElement().copy());
		if (full.hasMeta()) {
			p.setMeta(full.getMeta().copy());
		}
		if (full.hasActive()) {
			p.setActiveElement(full.getActiveElement().copy());
		}
		if (full.hasGender()) {
			p.setGenderElement(full.getGenderElement().copy());
		}
		if (full.hasBirthDateElement()) {
			p.setBirthDateElement(full.getBirthDateElement().copy());
		}
		if (full.hasDeceased()) {
			p.setDeceased(full.getDeceased().copy());
		}
		if (full.hasMaritalStatus()) {
			p.setMaritalStatus(full.getMaritalStatus().copy());
		}
		if (full.hasMultipleBirth()) {
			p.setMultipleBirth(full.getMultipleBirth().copy());
		}
		full.getCommunication().forEach(c -> p.addCommunication(c.copy()));
		full.getGeneralPractitioner().forEach(r -> p.addGeneralPractitioner(r.copy()));
		if (full.hasManagingOrganization()) {
			p.setManagingOrganization(full.getManagingOrganization().copy());
		}
		full.getLink().forEach(l -> p.addLink(l.copy()));
		for (Extension e : full.getExtension()) {
			if (RecordSystems.MOTHER.equals(e.getUrl())) {
				p.addExtension(e.copy());
			}
		}
		return p;
	}

	/** The Patient with identifiers, names, phones and address lines masked (脱敏). */
	public static Patient masked(Patient full) {
		Patient p = full.copy();
		p.setText(null);
		p.getPhoto().clear();
		p.getContact().clear();
		for (Identifier i : p.getIdentifier()) {
			if (i.hasValue()) {
				i.setValue(Masking.idNumber(i.getValue()));
			}
		}
		for (HumanName n : p.getName()) {
			if (n.hasText()) {
				n.setText(Masking.name(n.getText()));
			}
			if (n.hasFamily()) {
				n.setFamily(PatientMapper.han(n.getFamily()) ? n.getFamily() : Masking.name(n.getFamily()));
			}
			for (StringType g : n.getGiven()) {
				String v = g.getValue();
				if (v != null) {
					g.setValue(PatientMapper.han(v) ? "*".repeat(v.codePointCount(0, v.length())) : Masking.name(v));
				}
			}
		}
		for (ContactPoint t : p.getTelecom()) {
			if (t.hasValue()) {
				t.setValue(t.getSystem() == ContactPoint.ContactPointSystem.PHONE ? Masking.phone(t.getValue()) : "****");
			}
		}
		for (Address a : p.getAddress()) {
			a.getLine().clear();
			if (a.hasText()) {
				a.setText("****");
			}
			a.setPostalCode(null);
		}
		return p;
	}

}

package org.rhip.record.store;

import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordQuery;
import org.rhip.record.StoredVersion;
import org.rhip.security.PersonalDataCipher;

import org.springframework.stereotype.Component;

/**
 * Stored rows back into resources: the jsonb parsed (a Patient decrypted in full), meta.versionId and
 * lastUpdated set from the row. Who may see what is the caller's business ({@code RecordApi}).
 */
@Component
public class RecordReader {

	/** A version with the person it is about and the institution that sent it. */
	public record Found(StoredVersion version, Long personId, String patientId, String institution) {
	}

	/** A page of search results and the number of matches. */
	public record Page(List<Found> found, int total) {
	}

	private final ResourceRows rows;

	private final ResourceSearch search;

	private final FhirContext fhir;

	private final PersonalDataCipher cipher;

	RecordReader(ResourceRows rows, ResourceSearch search, FhirContext fhir, PersonalDataCipher cipher) {
		this.rows = rows;
		this.search = search;
		this.fhir = fhir;
		this.cipher = cipher;
	}

	public Optional<Found> current(String type, String id) {
		return rows.current(type, id).map(this::found);
	}

	public Optional<Found> version(String type, String id, int version) {
		return rows.version(type, id, version).map(this::found);
	}

	public List<Found> history(String type, String id) {
		return rows.history(type, id).stream().map(this::found).toList();
	}

	public Page search(RecordQuery query) {
		ResourceSearch.Found result = search.search(query);
		return new Page(result.rows().stream().map(this::found).toList(), result.total());
	}

	/** The current resources of FHIR Patients (the Patients themselves first). */
	public Page ofPatients(List<String> patientIds, int offset, int count) {
		if (patientIds.isEmpty()) {
			return new Page(List.of(), 0);
		}
		return new Page(rows.ofPatients(patientIds, offset, count).stream().map(this::found).toList(),
				rows.countOfPatients(patientIds));
	}

	private Found found(ResourceRows.Stored s) {
		Resource resource = null;
		if (!s.deleted()) {
			String json = s.contentEnc() != null ? cipher.decrypt(s.contentEnc()) : s.content();
			resource = (Resource) fhir.newJsonParser().parseResource(json);
			resource.setId(s.type() + "/" + s.id() + "/_history/" + s.version());
			resource.getMeta().setVersionId(String.valueOf(s.version()));
			resource.getMeta().setLastUpdatedElement(new InstantType(java.util.Date.from(s.lastUpdated())));
		}
		return new Found(new StoredVersion(s.type(), s.id(), s.version(), s.lastUpdated(), s.deleted(), resource),
				s.personId(), s.patientId(), s.institution());
	}

}

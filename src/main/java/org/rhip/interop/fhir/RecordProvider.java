package org.rhip.interop.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordApi;
import org.rhip.record.RecordPage;
import org.rhip.record.RecordQuery;
import org.rhip.record.StoredVersion;
import org.rhip.record.WriteResult;

/**
 * The interactions every stored type has: read and vread, create (conditional with If-None-Exist),
 * update (also update-as-create with the client's id), delete, instance history. A thin adapter: the
 * record module checks, stores, scopes and audits.
 */
abstract class RecordProvider<T extends Resource> implements IResourceProvider {

	protected final RecordApi records;

	private final Class<T> type;

	protected final String typeName;

	RecordProvider(RecordApi records, Class<T> type) {
		this.records = records;
		this.type = type;
		this.typeName = type.getSimpleName();
	}

	@Override
	public Class<T> getResourceType() {
		return type;
	}

	@Read(version = true)
	public T read(@IdParam IdType id) {
		Resource r = id.hasVersionIdPart() ? records.vread(typeName, id.getIdPart(), version(id))
				: records.read(typeName, id.getIdPart());
		return type.cast(r);
	}

	@Create
	public MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String ifNoneExist) {
		checkType(resource);
		WriteResult written = records.create(resource, ifNoneExist);
		return outcome(written).setCreated(written.created());
	}

	@Update
	public MethodOutcome update(@IdParam IdType id, @ResourceParam T resource) {
		checkType(resource);
		WriteResult written = records.update(typeName, id.getIdPart(), resource);
		return outcome(written).setCreated(written.created());
	}

	@Delete
	public MethodOutcome delete(@IdParam IdType id) {
		records.delete(typeName, id.getIdPart());
		return new MethodOutcome();
	}

	@History
	public List<IBaseResource> history(@IdParam IdType id) {
		List<IBaseResource> out = new ArrayList<>();
		for (StoredVersion v : records.history(typeName, id.getIdPart())) {
			if (v.resource() != null) {
				out.add(v.resource());
				continue;
			}
			try {
				Resource deleted = type.getDeclaredConstructor().newInstance();
				deleted.setId(typeName + "/" + v.id() + "/_history/" + v.versionId());
				ResourceMetadataKeyEnum.DELETED_AT.put(deleted, new InstantDt(Date.from(v.lastUpdated())));
				out.add(deleted);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return out;
	}

	/** A search as a lazily paged bundle. */
	protected RecordBundle bundle(RecordQuery query) {
		return new RecordBundle((offset, count) -> {
			RecordPage page = records.search(query.page(offset, count));
			return page;
		});
	}

	private void checkType(Resource resource) {
		if (resource == null) {
			throw new InvalidRequestException("a " + typeName + " resource is needed in the body");
		}
		if (!resource.fhirType().equals(typeName)) {
			throw new InvalidRequestException("the body is a " + resource.fhirType() + ", not a " + typeName);
		}
	}

	private static int version(IdType id) {
		try {
			return Integer.parseInt(id.getVersionIdPart());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("a version is a number");
		}
	}

	private static MethodOutcome outcome(WriteResult w) {
		MethodOutcome out = new MethodOutcome(new IdType(w.type(), w.id(), String.valueOf(w.versionId())));
		out.setResource(w.resource());
		return out;
	}

}

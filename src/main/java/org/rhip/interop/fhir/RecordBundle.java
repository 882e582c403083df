package org.rhip.interop.fhir;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.rhip.record.RecordPage;
import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;

/**
 * A search result, fetched a page at a time (offset paging under HAPI's next links). Each page is
 * read — and audited — when it is asked for, and only by whoever ran the search: the paging id is
 * no bearer token.
 */
final class RecordBundle implements IBundleProvider {

	interface Pages {

		RecordPage page(int offset, int count);

	}

	private final Pages pages;

	private final String owner;

	private final Date published = new Date();

	private Integer total;

	RecordBundle(Pages pages) {
		this.pages = pages;
		this.owner = CurrentUser.get().map(RhipPrincipal::name).orElse(null);
	}

	@Override
	public IPrimitiveType<Date> getPublished() {
		return new InstantType(published);
	}

	@Override
	public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder builder) {
		Optional<String> caller = CurrentUser.get().map(RhipPrincipal::name);
		if (owner != null && !caller.equals(Optional.of(owner))) {
			throw new ForbiddenOperationException("this page belongs to another caller's search");
		}
		RecordPage page = pages.page(from, Math.max(0, to - from));
		total = page.total();
		return List.copyOf(page.resources());
	}

	@Override
	public String getUuid() {
		return null;
	}

	@Override
	public Integer preferredPageSize() {
		return null;
	}

	@Override
	public Integer size() {
		if (total == null) {
			total = pages.page(0, 0).total();
		}
		return total;
	}

}

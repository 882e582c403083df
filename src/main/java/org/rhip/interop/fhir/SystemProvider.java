package org.rhip.interop.fhir;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.rhip.record.RecordApi;
import org.rhip.record.TransactionEntry;
import org.rhip.record.TransactionResult;

/**
 * {@code POST /fhir} with a Bundle: a {@code transaction} is all or nothing, its entries referring to
 * each other by fullUrl; a {@code batch} runs each entry on its own and answers each with its status
 * or an OperationOutcome.
 */
final class SystemProvider {

	private final RecordApi records;

	SystemProvider(RecordApi records) {
		this.records = records;
	}

	@Transaction
	public Bundle transaction(@TransactionParam Bundle bundle) {
		if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH) {
			throw new InvalidRequestException("Bundle.type must be transaction or batch");
		}
		List<TransactionEntry> entries = new ArrayList<>();
		for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
			Bundle.BundleEntryRequestComponent request = e.getRequest();
			entries.add(new TransactionEntry(e.getFullUrl(), request.hasMethod() ? request.getMethod().toCode() : null,
					request.getUrl(), request.getIfNoneExist(), (Resource) e.getResource()));
		}
		boolean transaction = bundle.getType() == Bundle.BundleType.TRANSACTION;
		List<TransactionResult> results = transaction ? records.transaction(entries) : records.batch(entries);
		Bundle response = new Bundle().setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE
				: Bundle.BundleType.BATCHRESPONSE);
		for (TransactionResult r : results) {
			Bundle.BundleEntryComponent entry = response.addEntry();
			Bundle.BundleEntryResponseComponent out = entry.getResponse();
			if (r.problem() != null) {
				out.setStatus(r.problem().status() + " " + reason(r.problem().status()));
				out.setOutcome(FhirErrors.outcome(r.problem().status() == 403 ? OperationOutcome.IssueType.FORBIDDEN
						: r.problem().status() == 422 ? OperationOutcome.IssueType.BUSINESSRULE
								: OperationOutcome.IssueType.INVALID,
						r.problem().path(), r.problem().message()));
				continue;
			}
			out.setStatus(r.status() + " " + reason(r.status()));
			if (r.location() != null) {
				out.setLocation(r.location());
				out.setEtag("W/\"" + r.versionId() + "\"");
				out.setLastModified(java.util.Date.from(r.lastUpdated()));
			}
			if (r.resource() != null) {
				entry.setFullUrl(r.resource().fhirType() + "/" + r.resource().getIdElement().getIdPart());
				entry.setResource(r.resource());
			}
		}
		return response;
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 201 -> "Created";
			case 204 -> "No Content";
			case 400 -> "Bad Request";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 412 -> "Precondition Failed";
			case 422 -> "Unprocessable Entity";
			default -> "";
		};
	}

}

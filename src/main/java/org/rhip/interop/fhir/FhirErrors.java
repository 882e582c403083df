package org.rhip.interop.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.record.InvalidResource;

/**
 * The platform's typed problems as HAPI exceptions, each with an OperationOutcome whose issue names
 * the element ({@code expression} and {@code location}): 400 malformed or not R4, 422 a broken rule,
 * 412 an ambiguous conditional create, 403, 404, 410 deleted.
 */
final class FhirErrors {

	private FhirErrors() {
	}

	static OperationOutcome outcome(OperationOutcome.IssueType type, String path, String message) {
		OperationOutcome oo = new OperationOutcome();
		OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(type)
			.setDiagnostics(message);
		if (path != null && !path.isBlank()) {
			issue.addExpression(path);
			issue.getLocation().add(new StringType(path));
		}
		return oo;
	}

	/** The HAPI exception for anything a provider or the store throws; null to let HAPI handle it. */
	static BaseServerResponseException translate(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof InvalidResource ir) {
				return switch (ir.status()) {
					case 412 -> new PreconditionFailedException(ir.getMessage(),
							outcome(OperationOutcome.IssueType.MULTIPLEMATCHES, ir.field(), ir.getMessage()));
					case 422 -> new UnprocessableEntityException(ir.getMessage(),
							outcome(OperationOutcome.IssueType.BUSINESSRULE, ir.field(), ir.getMessage()));
					default -> new InvalidRequestException(ir.getMessage(),
							outcome(OperationOutcome.IssueType.STRUCTURE, ir.field(), ir.getMessage()));
				};
			}
			if (t instanceof InvalidInput ii) {
				return new InvalidRequestException(ii.getMessage(),
						outcome(OperationOutcome.IssueType.INVALID, ii.field(), ii.getMessage()));
			}
			if (t instanceof Forbidden f) {
				return new ForbiddenOperationException(f.getMessage(),
						outcome(OperationOutcome.IssueType.FORBIDDEN, f.field(), f.getMessage()));
			}
			if (t instanceof NotFound nf) {
				OperationOutcome oo = outcome(nf.code().equals("record.deleted") ? OperationOutcome.IssueType.DELETED
						: OperationOutcome.IssueType.NOTFOUND, null, nf.getMessage());
				return nf.code().equals("record.deleted") ? new ResourceGoneException(nf.getMessage(), oo)
						: new ResourceNotFoundException(nf.getMessage(), oo);
			}
			if (t instanceof DataFormatException df) {
				return new InvalidRequestException(df.getMessage(),
						outcome(OperationOutcome.IssueType.STRUCTURE, null, df.getMessage()));
			}
			if (t instanceof BaseServerResponseException b && !(b instanceof InternalErrorException)) {
				return b;
			}
		}
		return null;
	}

}

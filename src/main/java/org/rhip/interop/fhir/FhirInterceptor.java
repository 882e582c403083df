package org.rhip.interop.fhir;

import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.rhip.record.FhirJson;

/**
 * Three hooks into HAPI's request handling: request bodies are parsed by the store's strict parser
 * (so a refusal names the element's full path, not just its parent); every problem becomes an
 * OperationOutcome naming the element; the CapabilityStatement names RHIP.
 */
@Interceptor
final class FhirInterceptor {

	private static final String PARSE_PROBLEM = "rhip.parse-problem";

	private final FhirJson json;

	FhirInterceptor(FhirJson json) {
		this.json = json;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean parseBody(RequestDetails request) {
		RequestTypeEnum method = request.getRequestType();
		if (method != RequestTypeEnum.POST && method != RequestTypeEnum.PUT) {
			return true;
		}
		String contentType = request.getHeader("Content-Type");
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
			return true;
		}
		byte[] body = request.loadRequestContents();
		if (body == null || body.length == 0) {
			return true;
		}
		try {
			request.setResource(json.parse(new String(body, StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			// HAPI parses the body itself next and fails the same way, without the path; our answer
			// replaces its own then (throwing here would have HAPI log every bad request as an error)
			request.getUserData().put(PARSE_PROBLEM, FhirErrors.translate(ex));
		}
		return true;
	}

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException problem(RequestDetails request, Throwable thrown) {
		Object parsed = request == null ? null : request.getUserData().get(PARSE_PROBLEM);
		if (parsed instanceof BaseServerResponseException problem) {
			return problem;
		}
		return FhirErrors.translate(thrown);
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void capabilities(IBaseConformance statement) {
		CapabilityStatement cs = (CapabilityStatement) statement;
		cs.setName("RHIP");
		cs.setTitle("RHIP 区域全民健康信息平台 — FHIR R4 endpoint");
		cs.setPublisher("RHIP");
		cs.getSoftware().setName("RHIP");
		cs.getImplementation().setDescription("RHIP regional health information platform: clinical store (电子健康档案/电子病历)");
	}

}

package org.rhip.interop.bulk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 JSON parsing for imports: one shared {@link FhirContext} (expensive to build, thread-safe),
 * a new parser per use (cheap, not thread-safe) with HAPI's strict error handling, so a resource
 * that breaks R4's rules (unknown element, bad code, bad date) is rejected rather than stored half.
 * Rejection reasons never repeat a value of the record: quoted text in HAPI's messages is cut out.
 */
final class FhirJson {

	static final FhirContext R4 = FhirContext.forR4Cached();

	private static final Pattern RESOURCE_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]{1,64})\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9\\-.]{1,64})\"");

	private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

	private static final Pattern HAPI_CODE = Pattern.compile("^HAPI-\\d+:\\s*");

	private static final String NOT_JSON = "Failed to parse JSON encoded FHIR content: ";

	private FhirJson() {
	}

	static IParser parser() {
		return R4.newJsonParser().setParserErrorHandler(new StrictParsing());
	}

	/** Parses one resource, or says why it is rejected (with the type and id the text seems to have). */
	static Parsed parse(IParser parser, long line, String json) {
		try {
			IBaseResource parsed = parser.parseResource(json);
			if (!(parsed instanceof Resource resource)) {
				return Rejection.of(line, guess(RESOURCE_TYPE, json), guess(ID, json), "resourceType", "not a FHIR R4 resource");
			}
			if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
				return Rejection.of(line, resource.fhirType(), null, "id", "a resource in a bulk file needs an id");
			}
			return new Parsed.Ok(line, resource);
		}
		catch (Problem ex) {
			String type = guess(RESOURCE_TYPE, json);
			return Rejection.of(line, type, guess(ID, json), type == null ? ex.path : type + "." + ex.path, ex.getMessage());
		}
		catch (DataFormatException ex) {
			return Rejection.of(line, guess(RESOURCE_TYPE, json), guess(ID, json), null, reason(ex));
		}
	}

	/** HAPI's message without its code, its location line or any quoted value. */
	static String reason(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		String first = HAPI_CODE.matcher(message.lines().findFirst().orElse("").strip()).replaceFirst("");
		String prefix = "";
		if (first.startsWith(NOT_JSON)) {
			prefix = "not valid JSON: ";
			first = HAPI_CODE.matcher(first.substring(NOT_JSON.length())).replaceFirst("");
		}
		return prefix + QUOTED.matcher(first).replaceAll("…").strip();
	}

	private static String guess(Pattern pattern, String json) {
		Matcher m = pattern.matcher(json);
		return m.find() ? m.group(1) : null;
	}

	/** A rule of R4 the resource breaks: the element and what is wrong, without the value. */
	static final class Problem extends RuntimeException {

		final String path;

		Problem(String path, String message) {
			super(message, null, false, false);
			this.path = path;
		}

	}

	/** HAPI's strict handler deciding what is an error; the error reported without values. */
	static final class StrictParsing extends StrictErrorHandler {

		private static String element(IParseLocation location) {
			return location == null || location.getParentElementName() == null ? "" : location.getParentElementName();
		}

		private static Problem problem(IParseLocation location, String what, String detail) {
			String element = element(location);
			String reason = what + (element.isEmpty() ? "" : " of element " + element)
					+ (detail == null || detail.isBlank() ? "" : ": " + QUOTED.matcher(HAPI_CODE.matcher(detail).replaceFirst("")).replaceAll("…"));
			return new Problem(element, reason.strip());
		}

		@Override
		public void containedResourceWithNoId(IParseLocation location) {
			try {
				super.containedResourceWithNoId(location);
			}
			catch (DataFormatException ex) {
				throw problem(location, "a contained resource has no id", null);
			}
		}

		@Override
		public void incorrectJsonType(IParseLocation location, String element, ValueType expected,
				ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
			try {
				super.incorrectJsonType(location, element, expected, expectedScalar, found, foundScalar);
			}
			catch (DataFormatException ex) {
				throw new Problem(element, "wrong JSON type for element " + element + ": expected " + expected
						+ (expectedScalar == null ? "" : " (" + expectedScalar + ")") + ", found " + found
						+ (foundScalar == null ? "" : " (" + foundScalar + ")"));
			}
		}

		@Override
		public void invalidValue(IParseLocation location, String value, String error) {
			try {
				super.invalidValue(location, value, error);
			}
			catch (DataFormatException ex) {
				throw problem(location, "invalid value", error);
			}
		}

		@Override
		public void missingRequiredElement(IParseLocation location, String element) {
			try {
				super.missingRequiredElement(location, element);
			}
			catch (DataFormatException ex) {
				throw new Problem(element, "missing required element " + element);
			}
		}

		@Override
		public void unexpectedRepeatingElement(IParseLocation location, String element) {
			try {
				super.unexpectedRepeatingElement(location, element);
			}
			catch (DataFormatException ex) {
				throw new Problem(element, "element " + element + " may appear only once");
			}
		}

		@Override
		public void unknownAttribute(IParseLocation location, String attribute) {
			try {
				super.unknownAttribute(location, attribute);
			}
			catch (DataFormatException ex) {
				throw new Problem(attribute, "unknown attribute " + attribute);
			}
		}

		@Override
		public void unknownElement(IParseLocation location, String element) {
			try {
				super.unknownElement(location, element);
			}
			catch (DataFormatException ex) {
				throw new Problem(element, "unknown element " + element);
			}
		}

		@Override
		public void unknownReference(IParseLocation location, String reference) {
			try {
				super.unknownReference(location, reference);
			}
			catch (DataFormatException ex) {
				throw problem(location, "reference to an unknown contained resource", null);
			}
		}

		@Override
		public void invalidInternalReference(IParseLocation location, String reference) {
			try {
				super.invalidInternalReference(location, reference);
			}
			catch (DataFormatException ex) {
				throw problem(location, "invalid internal reference", null);
			}
		}

		@Override
		public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
			try {
				super.extensionContainsValueAndNestedExtensions(location);
			}
			catch (DataFormatException ex) {
				throw problem(location, "an extension has both a value and nested extensions", null);
			}
		}

	}

}

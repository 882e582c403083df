package org.rhip.record;

import java.util.Iterator;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR R4 JSON in and out, strictly: malformed JSON, an element R4 does not have, a value of the
 * wrong type or form, are refused with the FHIR path of the element ({@code Patient.name[0].foo}).
 * HAPI's parser reports only the parent element's name, so on an error the path is found in the JSON
 * tree (the happy path parses once). For the FHIR endpoint and for bulk import.
 */
@Component
public class FhirJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FhirContext fhir;

	FhirJson(FhirContext fhir) {
		this.fhir = fhir;
	}

	public FhirContext context() {
		return fhir;
	}

	/** Parses a resource, or throws {@link InvalidResource} (400) naming the element. */
	public Resource parse(String json) {
		Problem problem = new Problem();
		IParser parser = fhir.newJsonParser().setParserErrorHandler(problem);
		try {
			return (Resource) parser.parseResource(json);
		}
		catch (DataFormatException | ClassCastException ex) {
			throw locate(json, problem, ex);
		}
	}

	/** Compact JSON of a resource. */
	public String encode(Resource resource) {
		return fhir.newJsonParser().encodeResourceToString(resource);
	}

	private static InvalidResource locate(String json, Problem problem, RuntimeException ex) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException bad) {
			TokenStreamLocation at = bad.getLocation();
			String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
			return InvalidResource.syntax("fhir.json", null, "the body is not valid JSON" + where);
		}
		if (root == null || !root.isObject()) {
			return InvalidResource.syntax("fhir.json", null, "a FHIR resource is a JSON object");
		}
		JsonNode type = root.get("resourceType");
		if (type == null || !type.isString()) {
			return InvalidResource.syntax("fhir.resource-type", "resourceType", "the resourceType is missing");
		}
		if (problem.kind == null) {
			String message = ex.getMessage() == null ? "not a FHIR R4 resource"
					: ex.getMessage().replaceFirst("^HAPI-\\d+: ", "").replaceAll("'[^']*'|\"[^\"]*\"", "…");
			if (message.contains("Unknown resource name") || message.contains("resource type")) {
				return InvalidResource.syntax("fhir.resource-type", "resourceType",
						"unknown resource type '" + type.asString() + "'");
			}
			return InvalidResource.syntax("fhir.invalid", type.asString(), message);
		}
		String path = switch (problem.kind) {
			case "value" -> findValue(root, type.asString(), problem.value);
			case "missing" -> findObject(root, type.asString(), problem.parent).map(p -> p + "." + problem.name).orElse(null);
			default -> findKey(root, type.asString(), type.asString(), problem.parent, problem.name);
		};
		return InvalidResource.syntax("fhir." + problem.kind, path == null ? type.asString() : path, problem.message);
	}

	/** The path of the first key {@code name} in an object that is (or sits in) {@code parent}. */
	private static String findKey(JsonNode node, String path, String ownName, String parent, String name) {
		if (node.isObject()) {
			JsonNode rt = node.get("resourceType");
			boolean parentMatches = parent == null || parent.equals(ownName) || (rt != null && parent.equals(rt.asString()));
			if (parentMatches && name != null && (node.has(name) || node.has("_" + name))) {
				return path + "." + name;
			}
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String key = field.getKey().startsWith("_") ? field.getKey().substring(1) : field.getKey();
				String found = findKey(field.getValue(), path + "." + key, key, parent, name);
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isArray()) {
			int i = 0;
			for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); i++) {
				String found = findKey(it.next(), path + "[" + i + "]", ownName, parent, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static java.util.Optional<String> findObject(JsonNode root, String rootPath, String name) {
		if (name == null || name.equals(rootPath)) {
			return java.util.Optional.of(rootPath);
		}
		String p = findKey(root, rootPath, rootPath, null, name);
		return java.util.Optional.ofNullable(p);
	}

	/** The path of the first scalar whose text is {@code value}. */
	private static String findValue(JsonNode node, String path, String value) {
		if (value == null) {
			return null;
		}
		if (node.isValueNode()) {
			return value.equals(node.asString()) ? path : null;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String key = field.getKey().startsWith("_") ? field.getKey().substring(1) : field.getKey();
				String found = findValue(field.getValue(), path + "." + key, value);
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isArray()) {
			int i = 0;
			for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); i++) {
				String found = findValue(it.next(), path + "[" + i + "]", value);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Remembers the first problem HAPI reports and stops the parse there. */
	private static final class Problem implements IParserErrorHandler {

		String kind;

		String parent;

		String name;

		String value;

		String message;

		private void fail(String kind, IParseLocation location, String name, String value, String message) {
			if (this.kind == null) {
				this.kind = kind;
				this.parent = location == null ? null : location.getParentElementName();
				this.name = name;
				this.value = value;
				this.message = message;
			}
			throw new DataFormatException(message);
		}

		@Override
		public void unknownElement(IParseLocation location, String elementName) {
			fail("unknown-element", location, elementName, null, "unknown element '" + elementName + "' (not in FHIR R4)");
		}

		@Override
		public void unknownAttribute(IParseLocation location, String attributeName) {
			fail("unknown-element", location, attributeName, null, "unknown attribute '" + attributeName + "'");
		}

		@Override
		public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
				BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
				BaseJsonLikeValue.ScalarType foundScalar) {
			String want = expectedScalar != null ? expectedScalar.name().toLowerCase() : String.valueOf(expected).toLowerCase();
			String got = foundScalar != null ? foundScalar.name().toLowerCase() : String.valueOf(found).toLowerCase();
			fail("wrong-type", location, elementName, null,
					"element '" + elementName + "' must be a JSON " + want + ", not " + got);
		}

		@Override
		public void invalidValue(IParseLocation location, String value, String error) {
			// the value itself stays out of the message: it may be an ID number in the wrong place
			String why = error == null ? "" : ": " + error.replaceAll("'[^']*'|\"[^\"]*\"", "…");
			fail("value", location, null, value, "invalid value" + why);
		}

		@Override
		public void missingRequiredElement(IParseLocation location, String elementName) {
			fail("missing", location, elementName, null, "required element '" + elementName + "' is missing");
		}

		@Override
		public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
			fail("repeating", location, elementName, null, "element '" + elementName + "' may occur only once");
		}

		@Override
		public void unknownReference(IParseLocation location, String reference) {
			fail("value", location, null, reference, "unknown contained reference " + reference);
		}

		@Override
		public void invalidInternalReference(IParseLocation location, String reference) {
			fail("value", location, null, reference, "invalid contained reference " + reference);
		}

		@Override
		public void containedResourceWithNoId(IParseLocation location) {
			fail("unknown-element", location, "contained", null, "a contained resource needs an id");
		}

		@Override
		public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
			fail("unknown-element", location, "extension", null, "an extension has either a value or nested extensions, not both");
		}

	}

}

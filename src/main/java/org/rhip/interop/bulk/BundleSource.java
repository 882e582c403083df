package org.rhip.interop.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR Bundle file (transaction, batch or collection; e.g. Synthea's output): its entries' resources,
 * streamed entry by entry. References to another entry's {@code fullUrl} (Synthea's
 * {@code urn:uuid:X}) become {@code Type/id}; a resource without an id takes the UUID of its
 * {@code urn:uuid:} fullUrl. The file is read twice: first for the fullUrls (so a reference may point
 * forward), then for the resources. The "line" of a record is its entry number (1-based), which stays
 * meaningful in a file printed on one line.
 */
final class BundleSource extends ParallelSource<JsonNode> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String UUID = "urn:uuid:";

	private final Map<String, String> targets;

	private final CountingInputStream raw;

	private final JsonParser json;

	private final int batchSize;

	private long entry;

	private boolean inEntries;

	BundleSource(Path file, String name, int batchSize, long afterEntry, ExecutorService parsers) throws IOException {
		super(parsers);
		this.targets = fullUrls(file, name);
		this.raw = Inputs.counting(file);
		this.json = JSON.getFactory().createParser(Inputs.decompressed(raw, name));
		this.batchSize = batchSize;
		this.inEntries = toEntries(json);
		while (inEntries && entry < afterEntry) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				inEntries = false;
				break;
			}
			json.skipChildren();
			entry++;
		}
	}

	/** Every entry's fullUrl and the {@code Type/id} it stands for. */
	private static Map<String, String> fullUrls(Path file, String name) throws IOException {
		Map<String, String> targets = new HashMap<>();
		try (InputStream in = Inputs.decompressed(Inputs.counting(file), name); JsonParser p = JSON.getFactory().createParser(in)) {
			if (!toEntries(p)) {
				return targets;
			}
			while (p.nextToken() == JsonToken.START_OBJECT) {
				JsonNode e = JSON.readTree(p);
				String fullUrl = e.path("fullUrl").asText("");
				JsonNode resource = e.path("resource");
				String type = resource.path("resourceType").asText("");
				if (!fullUrl.isEmpty() && !type.isEmpty()) {
					String id = resource.path("id").asText(fullUrl.startsWith(UUID) ? fullUrl.substring(UUID.length()) : "");
					if (!id.isEmpty()) {
						targets.put(fullUrl, type + "/" + id);
					}
				}
			}
		}
		return targets;
	}

	/**
	 * Moves the parser into the Bundle's entry array; false when the file is no Bundle or has no entries.
	 * A top-level {@code resourceType} other than Bundle is an error of the whole file.
	 */
	private static boolean toEntries(JsonParser p) throws IOException {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			throw new FileProblem("the file is not a JSON object (a FHIR Bundle)");
		}
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			String field = p.currentName();
			JsonToken value = p.nextToken();
			if (field.equals("resourceType") && !"Bundle".equals(p.getText())) {
				throw new FileProblem("the file is a " + p.getText() + ", not a Bundle (use NDJSON for single resources)");
			}
			if (field.equals("entry") && value == JsonToken.START_ARRAY) {
				return true;
			}
			p.skipChildren();
		}
		return false;
	}

	@Override
	protected Optional<Chunk<JsonNode>> readChunk() throws IOException {
		if (!inEntries) {
			return Optional.empty();
		}
		List<JsonNode> entries = new ArrayList<>(batchSize);
		long[] lines = new long[batchSize];
		while (entries.size() < batchSize) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				inEntries = false;
				break;
			}
			entry++;
			lines[entries.size()] = entry;
			entries.add(JSON.readTree(json));
		}
		return entries.isEmpty() ? Optional.empty() : Optional.of(new Chunk<>(entries, lines, entry, raw.count()));
	}

	@Override
	protected void parse(IParser parser, long line, JsonNode entry, List<Parsed> out) {
		JsonNode resource = entry.path("resource");
		if (!resource.isObject()) {
			String method = entry.path("request").path("method").asText("");
			out.add(Rejection.of(line, null, null, "entry.resource",
					method.equals("DELETE") ? "DELETE entries are not imported" : "the entry has no resource"));
			return;
		}
		if (!resource.hasNonNull("id")) {
			String fullUrl = entry.path("fullUrl").asText("");
			if (fullUrl.startsWith(UUID)) {
				((com.fasterxml.jackson.databind.node.ObjectNode) resource).put("id", fullUrl.substring(UUID.length()));
			}
		}
		Parsed parsed = FhirJson.parse(parser, line, resource.toString());
		if (parsed instanceof Parsed.Ok ok) {
			rewrite(ok.resource());
		}
		out.add(parsed);
	}

	/** References to another entry's fullUrl become {@code Type/id}. */
	private void rewrite(Resource resource) {
		for (Reference reference : FhirJson.R4.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			String target = reference.getReference();
			if (target != null) {
				String local = targets.get(target);
				if (local != null) {
					reference.setReference(local);
				}
			}
		}
	}

	@Override
	protected void closeInput() throws IOException {
		json.close();
	}

}

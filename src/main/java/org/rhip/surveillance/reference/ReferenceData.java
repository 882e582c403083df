package org.rhip.surveillance.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.platform.yaml.YamlNode;
import org.rhip.surveillance.Disease;
import org.rhip.surveillance.NamedCode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dictionaries of the module, read from {@code surveillance/diseases.yaml} and
 * {@code surveillance/sentinel.yaml}: notifiable diseases, sentinel sources and syndromes. Kept in
 * memory (they are small and read on every card) and written to the database on start so the
 * tables' foreign keys hold.
 */
@Component
public class ReferenceData {

	private final JdbcClient jdbc;

	private final Map<String, Disease> diseases = new LinkedHashMap<>();

	private final Map<String, NamedCode> sources = new LinkedHashMap<>();

	private final Map<String, NamedCode> syndromes = new LinkedHashMap<>();

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
		for (YamlNode node : read("surveillance/diseases.yaml").list("diseases")) {
			Disease disease = disease(node);
			diseases.put(disease.code(), disease);
		}
		YamlNode sentinel = read("surveillance/sentinel.yaml");
		sentinel.list("sources").forEach(n -> sources.put(n.string("code"), named(n)));
		sentinel.list("syndromes").forEach(n -> syndromes.put(n.string("code"), named(n)));
	}

	/** Writes the dictionaries to the database; run on every start, idempotent. */
	@Transactional
	public void store() {
		for (Disease d : diseases.values()) {
			jdbc.sql("""
					insert into surveillance.disease (code, name, name_en, icd10) values (:code, :name, :nameEn, :icd10)
					on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, icd10 = excluded.icd10
					""")
				.param("code", d.code()).param("name", d.name()).param("nameEn", d.nameEn())
				.param("icd10", d.icd10().toArray(String[]::new))
				.update();
			jdbc.sql("delete from surveillance.disease_listing where disease_code = :code").param("code", d.code()).update();
			for (Disease.Listing l : d.listings()) {
				jdbc.sql("""
						insert into surveillance.disease_listing (disease_code, valid_from, valid_to, class, managed_as_a)
						values (:code, :from, :to, :cls, :a)
						""")
					.param("code", d.code()).param("from", l.from()).param("to", l.to().orElse(null))
					.param("cls", l.diseaseClass()).param("a", l.managedAsA())
					.update();
			}
		}
		upsertNamed("sentinel_source", sources.values());
		upsertNamed("syndrome", syndromes.values());
	}

	public List<Disease> diseases() {
		return List.copyOf(diseases.values());
	}

	public Optional<Disease> disease(String code) {
		return Optional.ofNullable(code).map(diseases::get);
	}

	public List<NamedCode> sources() {
		return List.copyOf(sources.values());
	}

	public List<NamedCode> syndromes() {
		return List.copyOf(syndromes.values());
	}

	public Optional<NamedCode> source(String code) {
		return Optional.ofNullable(code).map(sources::get);
	}

	public Optional<NamedCode> syndrome(String code) {
		return Optional.ofNullable(code).map(syndromes::get);
	}

	/** The Chinese name of a series' subject: the disease, or source·syndrome. */
	public String seriesName(String stream, String subject) {
		if (stream.equals("cases")) {
			return disease(subject).map(Disease::name).orElse(subject);
		}
		String[] parts = subject.split("/", 2);
		return source(parts[0]).map(NamedCode::name).orElse(parts[0]) + "·"
				+ (parts.length > 1 ? syndrome(parts[1]).map(NamedCode::name).orElse(parts[1]) : "");
	}

	private void upsertNamed(String table, Iterable<NamedCode> rows) {
		for (NamedCode row : rows) {
			jdbc.sql("insert into surveillance." + table + " (code, name, name_en) values (:code, :name, :nameEn) "
					+ "on conflict (code) do update set name = excluded.name, name_en = excluded.name_en")
				.param("code", row.code()).param("name", row.name()).param("nameEn", row.nameEn())
				.update();
		}
	}

	private static Disease disease(YamlNode node) {
		List<Disease.Listing> listings = new ArrayList<>();
		for (YamlNode l : node.list("listings")) {
			String cls = l.string("class");
			if (!List.of("A", "B", "C").contains(cls)) {
				throw l.problem("class must be A, B or C, not " + cls);
			}
			listings.add(new Disease.Listing(date(l, "from").orElseThrow(() -> l.problem("from is required")),
					date(l, "to"), cls, l.optionalString("managedAsA").map(Boolean::parseBoolean).orElse(false)));
		}
		return new Disease(node.string("code"), node.string("name"), node.string("nameEn"),
				node.get("icd10").map(YamlNode::texts).orElse(List.of()), List.copyOf(listings));
	}

	private static NamedCode named(YamlNode node) {
		return new NamedCode(node.string("code"), node.string("name"), node.string("nameEn"));
	}

	private static Optional<LocalDate> date(YamlNode node, String key) {
		return node.optionalString(key).map(text -> {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw node.problem(key + " must be a date yyyy-mm-dd, not " + text);
			}
		});
	}

	static YamlNode read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return YamlNode.parse(resource, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

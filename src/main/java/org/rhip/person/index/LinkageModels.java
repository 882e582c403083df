package org.rhip.person.index;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.rhip.person.linkage.Blocking;
import org.rhip.person.linkage.FellegiSunter;
import org.rhip.person.linkage.Field;
import org.rhip.person.linkage.LevelProbabilities;
import org.rhip.person.linkage.ModelEstimation;
import org.rhip.person.linkage.PersonFeatures;
import org.rhip.person.linkage.PreparedRecord;
import org.rhip.person.linkage.RecordComparator;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.security.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Fellegi–Sunter model in use: the newest one estimated from the index's own source records
 * (m by EM on candidate pairs, u on random pairs; {@link ModelEstimation}), or the defaults of the
 * linkage package until one has been. Source records, not persons, are the data: the duplicates
 * that linkage resolved are what EM learns agreement patterns of matches from.
 */
@Component
class LinkageModels {

	/** The model and where it came from. */
	record ModelInfo(Long id, OffsetDateTime estimatedAt, int records, long candidatePairs, Double matchShare,
			FellegiSunter model) {
	}

	/** Fewer source records than this give EM too few matches to learn from: keep the current model. */
	static final int MIN_RECORDS = 2_000;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final JsonMapper json;

	private final AtomicReference<ModelInfo> current = new AtomicReference<>();

	LinkageModels(JdbcClient jdbc, PersonalDataCipher cipher, JsonMapper json) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
	}

	FellegiSunter current() {
		return info().model();
	}

	ModelInfo info() {
		ModelInfo info = current.get();
		if (info == null) {
			info = load().orElse(new ModelInfo(null, null, 0, 0, null, FellegiSunter.defaults()));
			current.set(info);
		}
		return info;
	}

	/** Estimates a model from up to {@code sample} source records, stores it and uses it from now on. */
	ModelInfo estimate(int sample, long seed) {
		List<PreparedRecord> records = new ArrayList<>();
		RecordComparator comparator = new RecordComparator();
		jdbc.sql("""
				select features_enc from person.source_record where features_enc is not null
				order by hashtextextended(id::text, ?) limit ?
				""").params(seed, sample).query((rs, n) -> rs.getBytes(1)).list().forEach(enc -> {
					JsonNode f = json.readTree(cipher.decrypt(enc));
					records.add(comparator.prepare(new PersonFeatures(text(f, "name"),
							f.hasNonNull("birthDate") ? java.time.LocalDate.parse(f.get("birthDate").asString()) : null,
							text(f, "sex"), text(f, "phone"), text(f, "orgUnitCode"), text(f, "address"))));
				});
		if (records.size() < MIN_RECORDS) {
			throw new InvalidInput("linkage.too-few", "sample", "the index has " + records.size()
					+ " source records with demographics; estimating weights needs at least " + MIN_RECORDS);
		}
		ModelEstimation.Result result = new ModelEstimation(comparator, new Blocking(), seed).estimate(records);
		Map<String, Object> model = new LinkedHashMap<>();
		for (Field field : Field.values()) {
			model.put(field.name(), Map.of("m", result.model().m().get(field), "u", result.model().u().get(field)));
		}
		long id = jdbc.sql("""
				insert into person.linkage_model (records, candidate_pairs, match_share, model) values (?, ?, ?, ?::jsonb)
				returning id
				""").params(records.size(), result.candidatePairs(), result.em().matchShare(), json.writeValueAsString(model))
			.query(Long.class)
			.single();
		current.set(null);
		return info();
	}

	private Optional<ModelInfo> load() {
		return jdbc.sql("select * from person.linkage_model order by id desc limit 1").query((rs, n) -> {
			JsonNode model = json.readTree(rs.getString("model"));
			Map<Field, double[]> m = new EnumMap<>(Field.class);
			Map<Field, double[]> u = new EnumMap<>(Field.class);
			for (Field field : Field.values()) {
				m.put(field, doubles(model.get(field.name()).get("m")));
				u.put(field, doubles(model.get(field.name()).get("u")));
			}
			return new ModelInfo(rs.getLong("id"), rs.getObject("estimated_at", OffsetDateTime.class), rs.getInt("records"),
					rs.getLong("candidate_pairs"), (Double) rs.getObject("match_share"),
					new FellegiSunter(LevelProbabilities.of(m), LevelProbabilities.of(u)));
		}).optional();
	}

	private static double[] doubles(JsonNode array) {
		double[] out = new double[array.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = array.get(i).asDouble();
		}
		return out;
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

}

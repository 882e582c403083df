package org.rhip.indicator.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.rhip.indicator.Direction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue tables, with the whole catalogue cached in memory (it is small and read on every evaluation). */
@Repository
public class CatalogRepository {

	private final JdbcClient jdbc;

	private final AtomicReference<Catalog> cache = new AtomicReference<>();

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isEmpty() {
		return jdbc.sql("select count(*) from indicator.indicator").query(Long.class).single() == 0;
	}

	public Catalog catalog() {
		Catalog catalog = cache.get();
		if (catalog == null) {
			catalog = read();
			cache.set(catalog);
		}
		return catalog;
	}

	public void upsert(DataElement element) {
		jdbc.sql("""
				insert into indicator.data_element (code, name, name_en, source, aggregation, min_value, max_value)
				values (:code, :name, :nameEn, :source, :aggregation, :min, :max)
				on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, source = excluded.source,
				    aggregation = excluded.aggregation, min_value = excluded.min_value, max_value = excluded.max_value
				""")
			.param("code", element.code())
			.param("name", element.name())
			.param("nameEn", element.nameEn())
			.param("source", element.source())
			.param("aggregation", element.aggregation())
			.param("min", element.min().orElse(null))
			.param("max", element.max().orElse(null))
			.update();
		cache.set(null);
	}

	public void upsert(IndicatorDefinition indicator) {
		jdbc.sql("""
				insert into indicator.indicator (code, name, name_en, category, numerator, denominator, factor, decimals, direction, definition)
				values (:code, :name, :nameEn, :category, :numerator, :denominator, :factor, :decimals, :direction, :definition)
				on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, category = excluded.category,
				    numerator = excluded.numerator, denominator = excluded.denominator, factor = excluded.factor,
				    decimals = excluded.decimals, direction = excluded.direction, definition = excluded.definition
				""")
			.param("code", indicator.code())
			.param("name", indicator.name())
			.param("nameEn", indicator.nameEn())
			.param("category", indicator.category())
			.param("numerator", indicator.numeratorText())
			.param("denominator", indicator.denominatorText())
			.param("factor", indicator.factor())
			.param("decimals", indicator.decimals())
			.param("direction", indicator.direction().key())
			.param("definition", indicator.definition())
			.update();
		jdbc.sql("delete from indicator.indicator_element where indicator_code = ?").param(indicator.code()).update();
		for (String element : indicator.dataElements()) {
			jdbc.sql("insert into indicator.indicator_element (indicator_code, data_element_code) values (?, ?)")
				.params(indicator.code(), element)
				.update();
		}
		cache.set(null);
	}

	private Catalog read() {
		Map<String, DataElement> elements = new LinkedHashMap<>();
		jdbc.sql("select * from indicator.data_element order by code").query(rs -> {
			elements.put(rs.getString("code"),
					new DataElement(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
							rs.getString("source"), rs.getString("aggregation"),
							Optional.ofNullable(rs.getBigDecimal("min_value")),
							Optional.ofNullable(rs.getBigDecimal("max_value"))));
		});
		Map<String, IndicatorDefinition> indicators = new LinkedHashMap<>();
		jdbc.sql("select * from indicator.indicator order by code").query(rs -> {
			indicators.put(rs.getString("code"),
					new IndicatorDefinition(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
							rs.getString("category"), rs.getString("numerator"), rs.getString("denominator"),
							rs.getBigDecimal("factor"), rs.getInt("decimals"), Direction.of(rs.getString("direction")),
							rs.getString("definition")));
		});
		return new Catalog(Map.copyOf(elements), java.util.Collections.unmodifiableMap(indicators));
	}

}

package org.rhip.care.indicator;

import java.util.Collection;

import org.springframework.jdbc.core.SqlTypeValue;

/**
 * A list of strings as an SQL array parameter ({@code cast(:units as text[])}), made by the
 * connection itself so that the same statement runs on PostgreSQL and on DuckDB (the benchmark).
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	public static SqlTypeValue text(Collection<String> values) {
		String[] array = values.toArray(String[]::new);
		return (ps, index, sqlType, typeName) -> ps.setArray(index, ps.getConnection().createArrayOf("varchar", array));
	}

}

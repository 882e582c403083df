package org.rhip.care.indicator;

import java.math.BigDecimal;

/**
 * An indicator computed from records, as the list of its members: SQL with the parameters
 * {@code :from} and {@code :to} (years) giving one row per member —
 * {@code year int, person_id bigint, org_unit_code text, numerator boolean}. The same SQL gives the
 * counts (grouped by year and org unit, summed up the org-unit tree) and the drill-down lists, so a
 * figure and the people behind it cannot disagree.
 * <p>
 * Most indicators are a share of their members (the numerator's rows are denominator rows too). A
 * rate whose numerator is other people than its denominator — infant deaths against live births —
 * says so with {@link #numeratorWithinDenominator()} {@code false}, and its SQL gives a further
 * column {@code denominator boolean}.
 */
public interface MemberQuery {

	/** The catalogue code of the indicator. */
	String indicator();

	String sql();

	/** value = numerator ÷ denominator × factor. */
	default BigDecimal factor() {
		return BigDecimal.valueOf(100);
	}

	default boolean numeratorWithinDenominator() {
		return true;
	}

	/** A member query of plain SQL. */
	static MemberQuery of(String indicator, BigDecimal factor, boolean within, String sql) {
		return new MemberQuery() {

			@Override
			public String indicator() {
				return indicator;
			}

			@Override
			public String sql() {
				return sql;
			}

			@Override
			public BigDecimal factor() {
				return factor;
			}

			@Override
			public boolean numeratorWithinDenominator() {
				return within;
			}

		};
	}

}

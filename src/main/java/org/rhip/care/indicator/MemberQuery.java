package org.rhip.care.indicator;

/**
 * An indicator computed from records, as the list of its denominator's members: SQL with the
 * parameters {@code :from} and {@code :to} (years) giving one row per member —
 * {@code year int, person_id bigint, org_unit_code text, numerator boolean}. The same SQL gives the
 * counts (grouped by year and org unit, summed up the org-unit tree) and the drill-down lists, so a
 * figure and the people behind it cannot disagree.
 */
public interface MemberQuery {

	/** The catalogue code of the indicator. */
	String indicator();

	String sql();

}

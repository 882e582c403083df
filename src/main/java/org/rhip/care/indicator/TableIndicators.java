package org.rhip.care.indicator;

import org.rhip.care.IndicatorValue;

import java.util.List;

/**
 * Indicators that are not a count over a count — a life table's life expectancy, the probability of
 * premature death — computed from tables of counts that add up the org-unit tree. Each also names
 * its members (deaths and population) for the drill-down.
 */
public interface TableIndicators {

	/** The catalogue codes computed. */
	List<String> indicators();

	/** Values for every org unit of the tree and every year from..to that has data, over a connection. */
	List<IndicatorValue> compute(org.springframework.jdbc.core.simple.JdbcClient on, OrgUnitTree tree, int from, int to);

	/** The member query of one of the indicators, for the drill-down (numerator: deaths; denominator: population). */
	MemberQuery members(String indicator);

}

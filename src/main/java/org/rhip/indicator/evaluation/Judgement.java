package org.rhip.indicator.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

import org.rhip.indicator.Status;

/**
 * The verdict on one value, with the figures it rests on.
 *
 * @param expected where the straight path from baseline to target stands in the year
 * @param projected the trend of the years so far, carried to the target year
 * @param reason one short English sentence saying why
 */
public record Judgement(Status status, Optional<BigDecimal> target, Optional<BigDecimal> expected,
		Optional<BigDecimal> projected, String reason) {

	static Judgement of(Status status, String reason) {
		return new Judgement(status, Optional.empty(), Optional.empty(), Optional.empty(), reason);
	}

}

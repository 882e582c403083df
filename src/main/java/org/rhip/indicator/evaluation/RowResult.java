package org.rhip.indicator.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rhip.indicator.Status;
import org.rhip.indicator.plan.PlanRow;

/** A plan row evaluated: one result per indicator (two for a compound row), and the row's status. */
public record RowResult(PlanRow row, List<IndicatorResult> indicators) {

	/** The worst status of the row's indicators. */
	public Status status() {
		return indicators.stream().map(i -> i.judgement().status()).max(Comparator.comparingInt(Status::severity))
			.orElse(Status.NO_DATA);
	}

	/** Where the value came from; for a compound row, the sources joined by '/'. */
	public String source() {
		return indicators.stream().map(i -> i.actual().map(Observation::source).orElse("none"))
			.distinct().collect(Collectors.joining("/"));
	}

	/** The actual as text: "6.05", or "78.50/80.70" for a compound row; empty without data. */
	public Optional<String> actualText() {
		if (indicators.stream().allMatch(i -> i.actual().isEmpty())) {
			return Optional.empty();
		}
		return Optional.of(indicators.stream().map(i -> i.rounded().map(v -> v.toPlainString()).orElse("—"))
			.collect(Collectors.joining("/")));
	}

	public List<String> notes() {
		return indicators.stream().flatMap(i -> i.notes().stream()).toList();
	}

	public boolean flagged() {
		return row.binding() && status() == Status.OFF_TRACK;
	}

}

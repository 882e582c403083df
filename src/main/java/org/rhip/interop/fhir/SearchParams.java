package org.rhip.interop.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.DateTimeType;
import org.rhip.record.DateRange;
import org.rhip.record.ChinaDates;

/** HAPI's typed search parameters as the record module's query lists. */
final class SearchParams {

	private SearchParams() {
	}

	static List<List<String>> tokens(TokenAndListParam and) {
		List<List<String>> out = new ArrayList<>();
		if (and == null) {
			return out;
		}
		for (TokenOrListParam or : and.getValuesAsQueryTokens()) {
			List<String> values = new ArrayList<>();
			for (TokenParam t : or.getValuesAsQueryTokens()) {
				if (t.getValue() == null || t.getValue().isBlank()) {
					continue;
				}
				values.add(t.getSystem() == null ? t.getValue() : t.getSystem() + "|" + t.getValue());
			}
			if (!values.isEmpty()) {
				out.add(values);
			}
		}
		return out;
	}

	/** Token values without their systems (status, gender). */
	static List<List<String>> codes(TokenAndListParam and) {
		return tokens(and).stream()
			.map(or -> or.stream().map(v -> v.substring(v.indexOf('|') + 1)).toList())
			.toList();
	}

	static List<List<String>> strings(StringAndListParam and) {
		List<List<String>> out = new ArrayList<>();
		if (and == null) {
			return out;
		}
		for (StringOrListParam or : and.getValuesAsQueryTokens()) {
			List<String> values = or.getValuesAsQueryTokens().stream().map(StringParam::getValue)
				.filter(v -> v != null && !v.isBlank()).toList();
			if (!values.isEmpty()) {
				out.add(values);
			}
		}
		return out;
	}

	/** Patient ids of {@code patient} / {@code subject} references ({@code Patient/1} or {@code 1}). */
	static List<List<String>> patients(ReferenceAndListParam and, String element) {
		List<List<String>> out = new ArrayList<>();
		if (and == null) {
			return out;
		}
		for (ReferenceOrListParam or : and.getValuesAsQueryTokens()) {
			List<String> values = new ArrayList<>();
			for (ReferenceParam r : or.getValuesAsQueryTokens()) {
				if (r.getResourceType() != null && !r.getResourceType().equals("Patient")) {
					throw new InvalidRequestException(element + " refers to Patients here, not " + r.getResourceType());
				}
				if (r.getChain() != null) {
					throw new InvalidRequestException("chained " + element + " searches are not supported");
				}
				values.add(r.getIdPart());
			}
			out.add(values);
		}
		return out;
	}

	/** A date range in China time: a day is [its midnight, the next midnight). */
	static DateRange range(DateRangeParam range) {
		if (range == null || range.isEmpty()) {
			return null;
		}
		Instant from = null;
		Instant to = null;
		DateParam lower = range.getLowerBound();
		if (lower != null && lower.getValueAsString() != null) {
			DateTimeType t = new DateTimeType(lower.getValueAsString());
			from = lower.getPrefix() == ParamPrefixEnum.GREATERTHAN || lower.getPrefix() == ParamPrefixEnum.STARTS_AFTER
					? ChinaDates.end(t) : ChinaDates.start(t);
		}
		DateParam upper = range.getUpperBound();
		if (upper != null && upper.getValueAsString() != null) {
			DateTimeType t = new DateTimeType(upper.getValueAsString());
			to = upper.getPrefix() == ParamPrefixEnum.LESSTHAN || upper.getPrefix() == ParamPrefixEnum.ENDS_BEFORE
					? ChinaDates.start(t) : ChinaDates.end(t);
		}
		return new DateRange(from, to);
	}

	static List<DateRange> ranges(DateRangeParam range) {
		DateRange r = range(range);
		return r == null ? List.of() : List.of(r);
	}

}

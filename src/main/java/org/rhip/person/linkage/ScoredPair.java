package org.rhip.person.linkage;

import java.util.List;

/** A compared pair: its agreement levels, its score and each field's weight in it. */
public record ScoredPair(ComparisonVector vector, double score, List<FieldWeight> weights) {

	public ScoredPair {
		weights = List.copyOf(weights);
	}

	public int level(Field field) {
		return vector.level(field);
	}

}

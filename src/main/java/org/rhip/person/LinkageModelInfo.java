package org.rhip.person;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The probabilistic linkage model in use: when and from how many source records it was estimated
 * (null id: the built-in defaults), and the weight log2(m/u) of each field's agreement levels.
 */
public record LinkageModelInfo(Long id, OffsetDateTime estimatedAt, int records, long candidatePairs, Double matchShare,
		Map<String, Map<String, Double>> weights) {
}

package org.rhip.interop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class StoreInRoundsTest {

	/** Records each call; refuses a call that holds the same resource twice. */
	static final class Calls implements ResourceSink {

		final List<List<String>> calls = new ArrayList<>();

		@Override
		public List<Outcome> storeAll(List<Resource> resources, String institutionCode) {
			Set<String> ids = new HashSet<>();
			List<Outcome> out = new ArrayList<>();
			List<String> call = new ArrayList<>();
			for (int i = 0; i < resources.size(); i++) {
				String id = resources.get(i).getIdElement().getIdPart();
				assertThat(ids.add(id)).as("one call holds " + id + " twice").isTrue();
				call.add(id);
				out.add(new Outcome(i, "Patient", id, calls.size() == 0 ? "created" : "updated", null, null));
			}
			calls.add(call);
			return out;
		}

		@Override
		public Optional<Resource> read(String type, String id) {
			return Optional.empty();
		}

	}

	private static Patient patient(String id) {
		Patient p = new Patient();
		p.setId(id);
		return p;
	}

	@Test
	void aBatchWithoutRepeatsIsOneCall() {
		Calls sink = new Calls();
		List<ResourceSink.Outcome> outcomes = ImportRunner.storeInRounds(sink, List.of(patient("a"), patient("b")), "X");
		assertThat(sink.calls).hasSize(1);
		assertThat(outcomes).extracting(ResourceSink.Outcome::index).containsExactly(0, 1);
	}

	@Test
	void aResourceSentTwiceIsStoredAgainInALaterCallAndOutcomesKeepTheBatchOrder() {
		Calls sink = new Calls();
		List<ResourceSink.Outcome> outcomes = ImportRunner.storeInRounds(sink,
				List.of(patient("a"), patient("b"), patient("a"), patient("c"), patient("a")), "X");
		assertThat(sink.calls).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("a"));
		assertThat(outcomes).extracting(ResourceSink.Outcome::index, ResourceSink.Outcome::id, ResourceSink.Outcome::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "a", "created"), org.assertj.core.groups.Tuple.tuple(1, "b", "created"),
					org.assertj.core.groups.Tuple.tuple(2, "a", "updated"), org.assertj.core.groups.Tuple.tuple(3, "c", "created"),
					org.assertj.core.groups.Tuple.tuple(4, "a", "updated"));
	}

}

package org.rhip.surveillance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the response to a signal stands. A signal is verified; it is then excluded, or becomes a
 * suspected event that field investigation confirms (or excludes); a confirmed event is closed when
 * it is over. The allowed moves are here and nowhere else.
 */
public enum SignalStatus {

	NEW, VERIFYING, EXCLUDED, SUSPECTED_EVENT, CONFIRMED_EVENT, CLOSED;

	public Set<SignalStatus> next() {
		return switch (this) {
			case NEW -> Set.of(VERIFYING);
			case VERIFYING -> Set.of(EXCLUDED, SUSPECTED_EVENT);
			case SUSPECTED_EVENT -> Set.of(CONFIRMED_EVENT, EXCLUDED);
			case CONFIRMED_EVENT -> Set.of(CLOSED);
			case EXCLUDED, CLOSED -> Set.of();
		};
	}

	public boolean canMoveTo(SignalStatus target) {
		return next().contains(target);
	}

	/** Still needs someone's attention. */
	public boolean open() {
		return this != EXCLUDED && this != CLOSED;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<SignalStatus> of(String key) {
		return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
	}

}

package org.rhip.care;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The states of a family-doctor contract and the moves between them. A contract that reached its end
 * date stays {@code active} (it was not cancelled); whether it is in force on a day is a matter of dates.
 */
public enum ContractStatus {

	/** 有效: signed, not cancelled. */
	ACTIVE("active"),
	/** 已解约: cancelled before its end. */
	CANCELLED("cancelled");

	private final String key;

	ContractStatus(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	/** Where a contract in this state may go. */
	public Set<ContractStatus> next() {
		return this == ACTIVE ? Set.of(CANCELLED) : Set.of();
	}

	public boolean mayMoveTo(ContractStatus target) {
		return next().contains(target);
	}

	public static Optional<ContractStatus> of(String key) {
		return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
	}

}

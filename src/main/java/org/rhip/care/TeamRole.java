package org.rhip.care;

import java.util.Arrays;
import java.util.Optional;

/** The roles in a family-doctor team ("1+3+4": a family doctor, a nurse, public-health staff, specialists). */
public enum TeamRole {

	/** 家庭医生 (全科医生). */
	DOCTOR("doctor"),
	/** 社区护士. */
	NURSE("nurse"),
	/** 公共卫生人员. */
	PUBLIC_HEALTH("public-health"),
	/** 专科医生, from the consortium's hospital (医联体). */
	SPECIALIST("specialist");

	private final String key;

	TeamRole(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public static Optional<TeamRole> of(String key) {
		return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
	}

}

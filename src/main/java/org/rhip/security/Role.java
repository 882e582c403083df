package org.rhip.security;

import java.util.Arrays;
import java.util.Optional;

/** What a user or API client may do. */
public enum Role {

	/** 系统管理员: everything, including users, the registry and plans. */
	ADMIN,
	/** 分析人员: reads everything, changes nothing. */
	ANALYST,
	/** 数据填报员: enters data for one org unit and everything below it. */
	CLERK,
	/** 疾控流行病学人员: verifies and responds to surveillance signals in one org unit and below. */
	EPIDEMIOLOGIST,
	/** 医生 (hospital, CHC or family doctor): reads and writes the records of persons in one org unit and below. */
	DOCTOR;

	/** May see a person's identifiers in full (with a reason, which is audited). */
	public boolean mayUnmask() {
		return this == ADMIN || this == DOCTOR || this == EPIDEMIOLOGIST;
	}

	/** May send persons' clinical records (FHIR, bulk import, CSV). */
	public boolean mayWriteRecords() {
		return this == ADMIN || this == CLERK || this == DOCTOR;
	}

	public String key() {
		return name().toLowerCase();
	}

	public static Optional<Role> of(String key) {
		return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
	}

}

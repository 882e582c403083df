package org.rhip.synthetic.model;

/** 性别 — as FHIR's administrative gender writes it. */
public enum Sex {

	MALE("male"), FEMALE("female");

	private final String code;

	Sex(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}

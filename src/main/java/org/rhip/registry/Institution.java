package org.rhip.registry;

import java.util.List;

/** A health institution (医疗卫生机构) with where it sits in the hierarchy. */
public record Institution(String code, String name, String type, String level, String ownership,
		String orgUnitCode, List<String> departments) {
}

package org.rhip.registry;

import java.util.Optional;

/**
 * An org unit (行政区划 / 机构所在地) of the hierarchy: province → city → district or county-level
 * city (GB/T 2260) → street or town → community or village.
 */
public record OrgUnit(String code, String name, String nameEn, String kind, Optional<String> parentCode,
		String path, int depth) {

	/** True when {@code other} is this unit or lies below it. */
	public boolean contains(OrgUnit other) {
		return other.path().startsWith(path);
	}

}

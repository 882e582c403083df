package org.rhip.synthetic.model;

import java.util.List;

/**
 * 家庭医生团队 — a family-doctor team of a community health centre: the family doctor, a nurse, a
 * public-health physician and specialists of the consortium hospital ("1+3+4"), serving one street.
 */
public record Team(String code, String name, String institution, String orgUnit, String doctor, String nurse,
		String publicHealth, List<String> specialists) {
}

package org.rhip.synthetic.model;

/**
 * The public-health service visits of the shared contract (encounter-type codes), with whether they
 * happen at home (家庭访视, class HH) or at the institution (AMB).
 */
public enum ServiceType {

	HTN_FOLLOWUP("htn-followup", "高血压患者随访", false), DM_FOLLOWUP("dm-followup", "2型糖尿病患者随访", false),
	HEALTH_CHECK("health-check", "健康体检", false), NEWBORN_VISIT("newborn-visit", "新生儿家庭访视", true),
	CHILD_CHECK("child-check", "儿童健康检查", false), PRENATAL("prenatal", "产前检查", false),
	POSTPARTUM_VISIT("postpartum-visit", "产后访视", true), POSTPARTUM_42D("postpartum-42d", "产后42天健康检查", false),
	SMD_FOLLOWUP("smd-followup", "严重精神障碍患者随访", false), TB_VISIT("tb-visit", "肺结核患者随访", false),
	TB_FIRST_VISIT("tb-visit", "肺结核患者随访", true);

	private final String code;

	private final String chinese;

	private final boolean home;

	ServiceType(String code, String chinese, boolean home) {
		this.code = code;
		this.chinese = chinese;
		this.home = home;
	}

	public String code() {
		return code;
	}

	public String chinese() {
		return chinese;
	}

	/** A home visit (class HH) rather than one at the institution (AMB). */
	public boolean home() {
		return home;
	}

}

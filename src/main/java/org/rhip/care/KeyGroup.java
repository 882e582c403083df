package org.rhip.care;

import java.util.Arrays;
import java.util.Optional;

/**
 * 重点人群 — the key populations of family-doctor contracting (REFERENCE.md §6): most are derived from
 * the person index and the records, three are declared when signing (there is no register of them
 * on the platform).
 */
public enum KeyGroup {

	/** 65岁及以上老年人: aged 65 or more on the day. */
	ELDERLY("elderly", false),
	/** 0～6岁儿童: under 7 on the day. */
	CHILD("child", false),
	/** 孕产妇: a Z34 Condition (supervision of normal pregnancy) with onset within 42 weeks before the day. */
	PREGNANT("pregnant", false),
	/** 高血压患者: a diagnosis I10–I15 on or before the day. */
	HYPERTENSION("hypertension", false),
	/** 2型糖尿病患者: a diagnosis E11 on or before the day. */
	DIABETES("diabetes", false),
	/** 严重精神障碍患者: a diagnosis F20, F22, F25, F31, F06 or F70–F79 on or before the day. */
	SEVERE_MENTAL_DISORDER("severe-mental-disorder", false),
	/** 肺结核患者: a diagnosis A15–A19 within the year before the day, not resolved. */
	TUBERCULOSIS("tuberculosis", false),
	/** 残疾人 (declared). */
	DISABLED("disabled", true),
	/** 低保/低收入人群 (declared). */
	LOW_INCOME("low-income", true),
	/** 计生特殊家庭 (declared). */
	SPECIAL_HARDSHIP("special-hardship", true);

	private final String key;

	private final boolean declared;

	KeyGroup(String key, boolean declared) {
		this.key = key;
		this.declared = declared;
	}

	public String key() {
		return key;
	}

	/** Declared by the resident when signing, not derived from records. */
	public boolean declared() {
		return declared;
	}

	public static Optional<KeyGroup> of(String key) {
		return Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
	}

	/** A tag a contract may declare: {@code disabled}, {@code low-income}, {@code special-hardship}. */
	public static Optional<KeyGroup> declarable(String key) {
		return of(key).filter(KeyGroup::declared);
	}

}

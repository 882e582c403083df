package org.rhip.synthetic.model;

import java.util.SplittableRandom;

import org.rhip.synthetic.model.LifeEvent.Cause;
import org.rhip.synthetic.model.LifeEvent.DeathPlace;

/**
 * 根本死因 — ICD-10 underlying causes of death by age. From 30 on a death is from one of the four NCD
 * groups (cardiovascular I00–I99, cancer C00–C97, diabetes E10–E14, chronic respiratory J30–J98) with
 * the share of {@link Rates#NCD_SHARES}, cancers leading before 70 and circulatory disease after; the
 * rest are injuries (V–X), infections, liver and kidney disease, dementia, ill-defined causes. Infants
 * die of perinatal causes (P07 for the preterm) and malformations. Weights are guesses shaped like
 * China's cause-of-death surveillance; only the NCD share is calibrated.
 */
final class Causes {

	private record Weighted(String code, String name, int weight, Sex only) {
	}

	private static Weighted w(String code, String name, int weight) {
		return new Weighted(code, name, weight, null);
	}

	private static Weighted w(String code, String name, int weight, Sex only) {
		return new Weighted(code, name, weight, only);
	}

	private static final Weighted[] INFANT = { w("P07.3", "早产儿", 28), w("P22.0", "新生儿呼吸窘迫综合征", 6),
			w("Q24.9", "先天性心脏畸形", 22), w("Q89.9", "先天性畸形", 8), w("P21.9", "出生窒息", 10), w("P36.9", "新生儿败血症", 8),
			w("J18.9", "肺炎", 8), w("W75", "床上意外窒息", 6), w("R95", "婴儿猝死综合征", 4) };

	private static final Weighted[] PRETERM_INFANT = { w("P07.3", "早产儿", 60), w("P22.0", "新生儿呼吸窘迫综合征", 20),
			w("P36.9", "新生儿败血症", 10), w("Q24.9", "先天性心脏畸形", 10) };

	private static final Weighted[] CHILD = { w("W74", "溺水", 15), w("V89.2", "机动车交通事故", 12), w("W19", "跌落", 8),
			w("Q24.9", "先天性心脏畸形", 14), w("C91.0", "急性淋巴细胞白血病", 10), w("J18.9", "肺炎", 15), w("A41.9", "败血症", 6),
			w("G40.9", "癫痫", 4), w("X49", "意外中毒", 4) };

	private static final Weighted[] SCHOOL_AGE = { w("V89.2", "机动车交通事故", 18), w("W74", "溺水", 14), w("W19", "跌落", 6),
			w("C91.0", "急性淋巴细胞白血病", 14), w("C71.9", "脑恶性肿瘤", 8), w("Q24.9", "先天性心脏畸形", 6), w("G40.9", "癫痫", 5),
			w("J18.9", "肺炎", 5), w("X70", "自缢", 4) };

	private static final Weighted[] YOUNG_ADULT = { w("V89.2", "机动车交通事故", 22), w("X70", "自缢", 14), w("W19", "跌落", 6),
			w("W74", "溺水", 4), w("C91.0", "急性淋巴细胞白血病", 8), w("C71.9", "脑恶性肿瘤", 4), w("C22.0", "肝细胞癌", 3),
			w("I61.9", "脑出血", 5), w("I42.9", "心肌病", 4), w("G40.9", "癫痫", 3), w("K72.9", "肝衰竭", 2),
			w("A16.2", "肺结核", 2), w("X99", "锐器伤害", 2) };

	/** NCD deaths before 70: cancers lead (lung, liver; nasopharynx is a Guangdong cancer). */
	private static final Weighted[] NCD_MIDDLE = { w("C34.9", "肺恶性肿瘤", 18), w("C22.0", "肝细胞癌", 12),
			w("C11.9", "鼻咽恶性肿瘤", 5), w("C16.9", "胃恶性肿瘤", 5), w("C18.9", "结肠恶性肿瘤", 5), w("C15.9", "食管恶性肿瘤", 2),
			w("C50.9", "乳房恶性肿瘤", 6, Sex.FEMALE), w("C53.9", "子宫颈恶性肿瘤", 3, Sex.FEMALE), w("C25.9", "胰恶性肿瘤", 3),
			w("I21.9", "急性心肌梗死", 12), w("I25.1", "动脉硬化性心脏病", 5), w("I61.9", "脑出血", 8), w("I63.9", "脑梗死", 7),
			w("I64", "脑卒中", 2), w("I11.9", "高血压性心脏病", 2), w("E11.9", "2型糖尿病", 4), w("J44.9", "慢性阻塞性肺病", 3) };

	/** NCD deaths from 70: circulatory disease and COPD lead. */
	private static final Weighted[] NCD_OLD = { w("I21.9", "急性心肌梗死", 16), w("I25.1", "动脉硬化性心脏病", 10),
			w("I63.9", "脑梗死", 14), w("I64", "脑卒中", 5), w("I61.9", "脑出血", 6), w("I11.9", "高血压性心脏病", 5),
			w("I50.9", "心力衰竭", 4), w("C34.9", "肺恶性肿瘤", 10), w("C22.0", "肝细胞癌", 4), w("C16.9", "胃恶性肿瘤", 3),
			w("C18.9", "结肠恶性肿瘤", 3), w("C61", "前列腺恶性肿瘤", 2, Sex.MALE), w("C50.9", "乳房恶性肿瘤", 1, Sex.FEMALE),
			w("C25.9", "胰恶性肿瘤", 2), w("E11.9", "2型糖尿病", 5), w("J44.9", "慢性阻塞性肺病", 10) };

	private static final Weighted[] OTHER_MIDDLE = { w("V89.2", "机动车交通事故", 16), w("X70", "自缢", 10), w("W19", "跌落", 9),
			w("K74.6", "肝硬化", 14), w("N18.9", "慢性肾脏病", 8), w("J18.9", "肺炎", 12), w("A41.9", "败血症", 6),
			w("A16.2", "肺结核", 4), w("B20.9", "艾滋病", 2), w("W74", "溺水", 2), w("R99", "不明原因死亡", 5) };

	private static final Weighted[] OTHER_OLD = { w("J18.9", "肺炎", 30), w("W19", "跌落", 12), w("G30.9", "阿尔茨海默病", 14),
			w("F03", "痴呆", 5), w("N18.9", "慢性肾脏病", 10), w("A41.9", "败血症", 8), w("K74.6", "肝硬化", 5), w("V89.2", "机动车交通事故", 3),
			w("R54", "衰老", 6) };

	private static final Weighted[] MATERNAL = { w("O72.1", "产后出血", 35), w("O15.2", "产褥期子痫", 10), w("O14.1", "重度子痫前期", 10),
			w("O88.1", "羊水栓塞", 20), w("O85", "产褥期脓毒症", 10), w("O99.4", "妊娠合并循环系统疾病", 15) };

	private Causes() {
	}

	/** The underlying cause of a death at an age (completed years). */
	static Cause of(SplittableRandom random, Sex sex, int age) {
		if (age < 1) {
			return pick(random, INFANT, sex);
		}
		if (age < 5) {
			return pick(random, CHILD, sex);
		}
		if (age < 15) {
			return pick(random, SCHOOL_AGE, sex);
		}
		if (age < 30) {
			return pick(random, YOUNG_ADULT, sex);
		}
		double ncdShare = Rates.NCD_SHARES[age < 45 ? 0 : age < 60 ? 1 : 2];
		if (random.nextDouble() < ncdShare) {
			return pick(random, age < 70 ? NCD_MIDDLE : NCD_OLD, sex);
		}
		return pick(random, age < 70 ? OTHER_MIDDLE : OTHER_OLD, sex);
	}

	static Cause preterm(SplittableRandom random) {
		return pick(random, PRETERM_INFANT, null);
	}

	static Cause maternal(SplittableRandom random) {
		return pick(random, MATERNAL, Sex.FEMALE);
	}

	/** Where someone who died of this cause at this age died. */
	static DeathPlace place(SplittableRandom random, Cause cause, int age) {
		if (age < 1 || cause.code().startsWith("O")) {
			return random.nextDouble() < 0.9 || cause.code().startsWith("O") ? DeathPlace.HOSPITAL : DeathPlace.HOME;
		}
		double[] shares = cause.injury() ? Rates.DEATH_PLACES_INJURY : Rates.DEATH_PLACES_ILLNESS;
		double x = random.nextDouble();
		DeathPlace[] places = DeathPlace.values();
		for (int i = 0; i < shares.length; i++) {
			x -= shares[i];
			if (x < 0) {
				return places[i];
			}
		}
		return DeathPlace.HOSPITAL;
	}

	private static Cause pick(SplittableRandom random, Weighted[] table, Sex sex) {
		int total = 0;
		for (Weighted c : table) {
			total += c.only() == null || c.only() == sex ? c.weight() : 0;
		}
		int x = random.nextInt(total);
		for (Weighted c : table) {
			if (c.only() == null || c.only() == sex) {
				x -= c.weight();
				if (x < 0) {
					return new Cause(c.code(), c.name());
				}
			}
		}
		throw new IllegalStateException("weights");
	}

}

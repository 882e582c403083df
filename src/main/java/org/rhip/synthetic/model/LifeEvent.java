package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Something that happened to a resident, at a time (China time). */
public sealed interface LifeEvent {

	LocalDateTime time();

	/** 出生 — the newborn's birth: where, weight (g) and gestational age (completed weeks). */
	record Born(LocalDateTime time, String institution, int weightGrams, int gestationalWeeks) implements LifeEvent {
	}

	/** 死亡 — the underlying cause (ICD-10) and the place of death. */
	record Died(LocalDateTime time, Cause cause, DeathPlace place) implements LifeEvent {
	}

	/**
	 * 诊断 — a condition (ICD-10) with its onset ({@link #time()}), where it was diagnosed, and the day it
	 * ended if it did (a pregnancy at delivery, tuberculosis when cured).
	 */
	record Diagnosed(LocalDateTime time, String icd10, String name, String institution, Optional<LocalDate> abated)
			implements LifeEvent {
	}

	/** 基本公共卫生服务 — a public-health service visit with what was measured in it. */
	record Served(LocalDateTime time, ServiceType type, String institution, List<Measurement> measurements)
			implements LifeEvent {
	}

	/** 就诊 — an ordinary outpatient or emergency visit, or an inpatient stay (admission to discharge). */
	record Visited(LocalDateTime time, LocalDateTime end, VisitClass visitClass, String institution) implements LifeEvent {
	}

	/** 预防接种 — a dose of a vaccine (code of the NIP vaccine table) given at an institution. */
	record Vaccinated(LocalDateTime time, String vaccine, int dose, String institution) implements LifeEvent {
	}

	/**
	 * 家庭医生签约 — a one-year family-doctor contract: starts at {@link #time()}, ends on {@code end},
	 * cancelled on a day or not; the service package and the declared key-population tags.
	 */
	record Contracted(LocalDateTime time, String number, String team, LocalDate end, boolean online,
			String servicePackage, Optional<LocalDate> cancelledOn, List<String> declared) implements LifeEvent {
	}

	/** An ICD-10 underlying cause of death. */
	record Cause(String code, String name) {

		/** V01–Y98: the external causes. */
		public boolean injury() {
			char c = code.charAt(0);
			return c == 'V' || c == 'W' || c == 'X' || c == 'Y';
		}

	}

	/** 死亡地点, as on the medical certificate of death. */
	enum DeathPlace {

		HOSPITAL("hospital", "医院"), HOME("home", "家中"), OTHER_INSTITUTION("other-institution", "其他医疗卫生机构"),
		IN_TRANSIT("in-transit", "来院途中"), OTHER("other", "其他场所");

		private final String code;

		private final String chinese;

		DeathPlace(String code, String chinese) {
			this.code = code;
			this.chinese = chinese;
		}

		public String code() {
			return code;
		}

		public String chinese() {
			return chinese;
		}

	}

	/** Encounter class of an ordinary visit (v3 ActCode). */
	enum VisitClass {

		OUTPATIENT("AMB"), EMERGENCY("EMER"), INPATIENT("IMP");

		private final String code;

		VisitClass(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	/** A value measured in a service visit. */
	sealed interface Measurement {
	}

	/** 血压 in mmHg. */
	record BloodPressure(int systolic, int diastolic) implements Measurement {
	}

	/** 空腹血糖 in tenths of mmol/L (63 = 6.3 mmol/L). */
	record FastingGlucose(int tenths) implements Measurement {
	}

	/** 孕周: completed weeks of gestation. */
	record GestationalAge(int weeks) implements Measurement {
	}

	/** 严重精神障碍危险性评估: level 0–5. */
	record RiskLevel(int level) implements Measurement {
	}

}

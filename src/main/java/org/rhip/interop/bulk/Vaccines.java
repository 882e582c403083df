package org.rhip.interop.bulk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The vaccines the immunizations template knows: the 国家免疫规划 (NIP) vaccines by the abbreviations
 * of the 2021 schedule (REFERENCE.md §2) and the common non-programme vaccines.
 */
final class Vaccines {

	record Vaccine(String code, String chinese, String english) {
	}

	static final List<Vaccine> ALL = List.of(
			new Vaccine("HepB", "乙肝疫苗", "Hepatitis B vaccine"),
			new Vaccine("BCG", "卡介苗", "BCG vaccine"),
			new Vaccine("IPV", "脊灰灭活疫苗", "Inactivated poliovirus vaccine"),
			new Vaccine("bOPV", "脊灰减毒活疫苗", "Bivalent oral poliovirus vaccine"),
			new Vaccine("DTaP", "百白破疫苗", "DTaP vaccine"),
			new Vaccine("DT", "白破疫苗", "DT vaccine"),
			new Vaccine("MMR", "麻腮风疫苗", "Measles, mumps and rubella vaccine"),
			new Vaccine("JE-L", "乙脑减毒活疫苗", "Japanese encephalitis vaccine, live"),
			new Vaccine("JE-I", "乙脑灭活疫苗", "Japanese encephalitis vaccine, inactivated"),
			new Vaccine("MPSV-A", "A群流脑多糖疫苗", "Meningococcal A polysaccharide vaccine"),
			new Vaccine("MPSV-AC", "A群C群流脑多糖疫苗", "Meningococcal A and C polysaccharide vaccine"),
			new Vaccine("HepA-L", "甲肝减毒活疫苗", "Hepatitis A vaccine, live"),
			new Vaccine("HepA-I", "甲肝灭活疫苗", "Hepatitis A vaccine, inactivated"),
			new Vaccine("Flu", "流感疫苗", "Influenza vaccine"),
			new Vaccine("PPV23", "23价肺炎球菌多糖疫苗", "Pneumococcal polysaccharide vaccine, 23-valent"),
			new Vaccine("PCV13", "13价肺炎球菌结合疫苗", "Pneumococcal conjugate vaccine, 13-valent"),
			new Vaccine("HPV", "HPV疫苗", "Human papillomavirus vaccine"),
			new Vaccine("VarV", "水痘疫苗", "Varicella vaccine"),
			new Vaccine("Hib", "b型流感嗜血杆菌结合疫苗", "Haemophilus influenzae type b vaccine"),
			new Vaccine("EV71", "肠道病毒71型灭活疫苗", "Enterovirus 71 vaccine"),
			new Vaccine("RV", "轮状病毒疫苗", "Rotavirus vaccine"),
			new Vaccine("RabV", "狂犬病疫苗", "Rabies vaccine"),
			new Vaccine("COVID-19", "新冠病毒疫苗", "COVID-19 vaccine"),
			new Vaccine("HZV", "带状疱疹疫苗", "Herpes zoster vaccine"));

	private Vaccines() {
	}

	static Optional<Vaccine> byCode(String code) {
		String c = code.strip().toLowerCase(Locale.ROOT).replace('‑', '-').replace('_', '-');
		return ALL.stream().filter(v -> v.code().toLowerCase(Locale.ROOT).equals(c)).findFirst();
	}

	static Optional<Vaccine> byName(String name) {
		String n = name.strip();
		return ALL.stream().filter(v -> v.chinese().equals(n) || v.english().equalsIgnoreCase(n)).findFirst();
	}

}

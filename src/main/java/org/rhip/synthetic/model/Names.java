package org.rhip.synthetic.model;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * 姓名 — Chinese names for a district in Guangzhou: surnames weighted by a guess at their local
 * frequency (Cantonese surnames such as 陈, 黄, 梁, 林 ranking higher than nationally), given names of
 * one or two characters from lists that differ by sex and by generation (born before or after 1985).
 * Staff names come from the same lists. Invented, and deliberately ordinary: many residents share a name.
 */
final class Names {

	/** Surname and its weight per thousand (guess). */
	private static final String SURNAMES = "陈80 李60 黄55 张45 刘40 梁35 林35 王35 吴25 杨25 罗22 何22 郑18 谢15 周15 "
			+ "邓14 曾14 冯12 朱12 叶12 许10 彭10 卢10 蔡10 赵10 胡10 郭10 钟10 徐8 余8 潘8 苏8 廖8 谭8 孙6 马6 高6 "
			+ "邱6 江6 唐6 赖6 麦5 莫5 温5 方5 袁5 区4 萧4 关4 伍4 汤3 严3 范3 梅3 欧阳3 司徒2 容2 冼2";

	private static final String MALE_OLDER = "国建伟志明华强文军荣辉永海锦家俊德祥健斌勇新光耀昌伦";

	private static final String MALE_YOUNGER = "子浩宇俊轩睿博泽铭晨嘉梓浚霖皓彦煜景逸承佑朗航言熙";

	private static final String FEMALE_OLDER = "秀丽美玉芳凤燕娟桂英兰惠敏慧珍丹红霞琼洁静婉月雪萍";

	private static final String FEMALE_YOUNGER = "欣怡雨婷诗嘉梓晴琳萱颖悦妍可馨乐彤语芯柔蕊瑶涵琪淇";

	private static final String[] SURNAME_LIST;

	private static final int[] SURNAME_CUMULATIVE;

	static {
		String[] parts = SURNAMES.split(" ");
		SURNAME_LIST = new String[parts.length];
		SURNAME_CUMULATIVE = new int[parts.length];
		int sum = 0;
		for (int i = 0; i < parts.length; i++) {
			int digits = 0;
			while (Character.isDigit(parts[i].charAt(parts[i].length() - 1 - digits))) {
				digits++;
			}
			SURNAME_LIST[i] = parts[i].substring(0, parts[i].length() - digits);
			sum += Integer.parseInt(parts[i].substring(parts[i].length() - digits));
			SURNAME_CUMULATIVE[i] = sum;
		}
	}

	private Names() {
	}

	static String surname(SplittableRandom random) {
		int x = random.nextInt(SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1]);
		for (int i = 0; i < SURNAME_CUMULATIVE.length; i++) {
			if (x < SURNAME_CUMULATIVE[i]) {
				return SURNAME_LIST[i];
			}
		}
		return SURNAME_LIST[0];
	}

	static String given(SplittableRandom random, Sex sex, LocalDate birth) {
		boolean younger = birth.getYear() >= 1985;
		String pool = sex == Sex.MALE ? (younger ? MALE_YOUNGER : MALE_OLDER) : (younger ? FEMALE_YOUNGER : FEMALE_OLDER);
		String first = String.valueOf(pool.charAt(random.nextInt(pool.length())));
		if (random.nextDouble() < (younger ? 0.1 : 0.25)) {
			return first;
		}
		char second;
		do {
			second = pool.charAt(random.nextInt(pool.length()));
		}
		while (second == first.charAt(0) && random.nextDouble() < 0.8);
		return first + second;
	}

	/** A name for a member of staff (not a resident). */
	static String staff(SplittableRandom random) {
		Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
		return surname(random) + given(random, sex, LocalDate.of(1975 + random.nextInt(25), 1, 1));
	}

	/** A mobile number: 1, a second digit 3–9 and nine more digits. */
	static String mobile(SplittableRandom random) {
		return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
	}

	private static final String[] ROAD_SUFFIXES = { "路", "东路", "西路", "南路", "北路", "大街", "一横路", "二横路", "大道" };

	/** A home address in a street: road, number, building and flat (the road named after the street). */
	static String address(SplittableRandom random, String city, String district, String street) {
		String stem = street.replaceAll("(街道|街|镇|乡)$", "");
		if (stem.isEmpty()) {
			stem = district.substring(0, Math.min(2, district.length()));
		}
		return city + district + street + stem + ROAD_SUFFIXES[random.nextInt(ROAD_SUFFIXES.length)] + (1 + random.nextInt(300))
				+ "号" + (1 + random.nextInt(20)) + "栋" + (1 + random.nextInt(30)) + String.format("%02d", 1 + random.nextInt(8))
				+ "房";
	}

}

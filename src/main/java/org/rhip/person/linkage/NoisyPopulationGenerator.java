package org.rhip.person.linkage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A synthetic population with known truth, for measuring linkage and for demo data: households of
 * one to five persons sharing an address and often a phone (children and the very old are reached
 * through a relative's), twins, surnames at their census frequencies and given names drawn from a
 * short list of popular characters, so that different persons share names and birthdays as they do
 * in reality. Every person has one record; a share of them also has one to three noisy copies from
 * other institutions: homophone and variant characters, names in pinyin only (either order),
 * mistyped or missing phones, swapped or mistyped birth dates, missing or moved addresses. All from
 * one seed, so a run is reproducible. No real person's data.
 */
public final class NoisyPopulationGenerator {

	/** One generated record and the person it belongs to. */
	public record SyntheticRecord(int personId, String source, PersonFeatures features) {
	}

	/** The records of a population, shuffled, and how many true persons there are. */
	public record Population(List<SyntheticRecord> records, int persons) {

		/** Pairs of records of the same person: the true matches. */
		public long truePairs() {
			Map<Integer, Long> sizes = records.stream()
				.collect(Collectors.groupingBy(SyntheticRecord::personId, Collectors.counting()));
			return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
		}

	}

	/** A fictitious district (GB/T 2260 codes ending in 99 are unused). */
	static final String DISTRICT = "440199";

	/** Surnames with their share per ten thousand (approximately the 2020 census ranking). */
	private static final String SURNAMES = "王 710 李 700 张 680 刘 540 陈 450 杨 310 黄 230 赵 220 吴 200 周 190 "
			+ "徐 140 孙 140 马 130 朱 130 胡 120 郭 120 何 110 林 110 罗 90 高 100 郑 90 梁 90 谢 80 宋 80 唐 80 "
			+ "许 70 韩 70 冯 70 邓 70 曹 70 彭 60 曾 60 肖 60 田 50 董 50 袁 50 潘 50 于 50 蒋 50 蔡 50 余 50 "
			+ "杜 50 叶 50 程 50 苏 40 魏 40 吕 40 丁 40 任 40 沈 40 姚 40 卢 40 姜 40 崔 30 钟 30 谭 30 陆 30 "
			+ "汪 30 范 30 金 30 石 30 廖 30 贾 30 夏 30 韦 30 付 30 方 30 白 30 邹 30 孟 30 熊 30 秦 30 邱 30 "
			+ "江 30 尹 20 薛 20 闫 20 段 20 雷 20 侯 20 龙 20 史 20 陶 20 黎 20 贺 20 顾 20 毛 20 郝 20 龚 20 "
			+ "邵 20 万 20 钱 20 严 20 覃 10 武 20 戴 20 莫 10 孔 10 向 10 汤 10 单 5 解 5 区 5 仇 3 朴 3 查 3 "
			+ "盖 2 缪 3 乐 3 欧阳 5 司马 1 诸葛 1 上官 1 尉迟 1";

	/** Given-name characters, most popular first (drawn with Zipf weights). */
	private static final String MALE = "伟强军磊勇杰涛明斌超刚平辉鹏华建国峰波亮林海宇浩鑫洋俊凯文飞龙成荣兵春金宏志学德福生祥瑞博晨东铭";

	private static final String FEMALE = "芳娜秀英敏静丽艳娟霞玲燕萍兰凤梅桂琴云红雪婷颖佳琳丹倩欣怡慧莉晓玉洁珍红";

	/** Given names of children born from 2005 on. */
	private static final String MODERN = "子梓涵轩睿浩宇欣怡诗雨思萱一泽俊博晨锦辰悦可馨佳嘉依逸豪瑞奕";

	/** Homophone or near-homophone substitutes a clerk's input method offers (明 → 铭). */
	private static final String HOMOPHONES = "明铭 丽莉 伟玮 军君 静敬 杰洁 玲琳 敏明 婷庭 芳方 娟鹃 霞侠 燕艳 萍平 梅玫 "
			+ "英瑛 红宏 刚钢 涛韬 斌彬 鹏朋 辉晖 峰锋 磊蕾 波博 浩昊 鑫欣 洋阳 俊骏 凯恺 文雯 飞菲 龙隆 成诚 荣蓉 "
			+ "兵冰 金晶 志智 学雪 福富 祥翔 瑞睿 晨辰 东冬 建健 林琳 秀绣 兰岚 桂贵 琴勤 云芸 颖莹 佳嘉 倩茜 怡仪 "
			+ "雨语 萱轩 涵寒 梓子 慧惠 晓小 玉钰 珍真 华桦 国帼 宇雨 子紫 泽则 锦瑾 悦越 可珂 馨欣 依怡 逸毅 "
			+ "豪昊 奕亦 思斯 诗施 一义 博柏 欣心 辰臣 宏洪";

	/** Traditional or variant forms, as an old register or a Hong Kong/Taiwan document has them. */
	private static final String TRADITIONAL = "刘劉 陈陳 张張 黄黃 赵趙 吴吳 孙孫 马馬 郑鄭 冯馮 邓鄧 许許 韩韓 杨楊 "
			+ "罗羅 谢謝 叶葉 苏蘇 卢盧 蒋蔣 贾賈 钱錢 谭譚 邹鄒 陆陸 顾顧 龙龍 万萬 汤湯 钟鍾 伟偉 强強 军軍 涛濤 "
			+ "鹏鵬 辉輝 红紅 静靜 兰蘭 凤鳳 东東 国國 刚剛 颖穎 飞飛 荣榮 学學 凯凱 晓曉 轩軒 诗詩 丽麗 华華 云雲 "
			+ "杰傑 志誌 艳艷 峰峯 燕鷰 铭銘 玮瑋 于於 范範 欧歐 区區 单單 吕呂 严嚴 龚龔 贺賀 韦韋";

	private static final String STREETS = "东风 新华 人民 建设 解放 和平 胜利 文化 朝阳 光明 红旗 前进 幸福 团结 长安 中山";

	private static final String COMMUNITIES = "翠园 金桥 华苑 枫林 南湖 西湖 碧桂 锦绣 怡景 绿茵 桃源 海景 星光 新村 花园 阳光 "
			+ "松柏 丽水 龙湾 东湖";

	private static final String ROADS = "中山路 人民路 建设路 解放路 和平路 胜利路 文化路 朝阳路 光明路 东风路 新华路 "
			+ "长青路 青年路 花城大道 体育东路 五一路 环城路 滨江路";

	private static final String[] PHONE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "173", "175", "176", "177",
			"178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199" };

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

	private final Random random;

	private final NameNormalizer names = new NameNormalizer();

	private final List<String> surnames = new ArrayList<>();

	private final double[] surnameCumulative;

	private final Map<Character, List<Character>> homophones = table(HOMOPHONES, true);

	private final Map<Character, List<Character>> traditional = table(TRADITIONAL, false);

	private final List<Street> streets = new ArrayList<>();

	public NoisyPopulationGenerator(long seed) {
		this.random = new Random(seed);
		String[] words = SURNAMES.split(" ");
		surnameCumulative = new double[words.length / 2];
		double sum = 0;
		for (int i = 0; i < words.length; i += 2) {
			surnames.add(words[i]);
			sum += Integer.parseInt(words[i + 1]);
			surnameCumulative[i / 2] = sum;
		}
		String[] streetNames = STREETS.split(" ");
		String[] communityNames = COMMUNITIES.split(" ");
		for (int s = 0; s < streetNames.length; s++) {
			List<String> communities = new ArrayList<>();
			int count = 6 + random.nextInt(5);
			for (int c = 0; c < count; c++) {
				communities.add(communityNames[(s * 7 + c * 3) % communityNames.length]);
			}
			streets.add(new Street(DISTRICT + String.format("%03d", s + 1), streetNames[s], communities));
		}
	}

	private record Street(String code, String name, List<String> communities) {
	}

	/** Where a household lives. */
	private record Home(String communityCode, String street, String community, String text) {
	}

	/** A true person. */
	private record Person(int id, String name, LocalDate birthDate, int sex, String phone, Home home) {
	}

	/**
	 * {@code persons} true persons, each with one record, and for a share {@code duplicateShare} of
	 * them one to three further noisy records (1: 60 %, 2: 30 %, 3: 10 %; on average 1.5).
	 */
	public Population generate(int persons, double duplicateShare) {
		List<Person> people = new ArrayList<>();
		while (people.size() < persons) {
			household(people, persons);
		}
		List<SyntheticRecord> records = new ArrayList<>();
		for (Person person : people) {
			records.add(new SyntheticRecord(person.id(), "A", original(person)));
			if (random.nextDouble() < duplicateShare) {
				double r = random.nextDouble();
				int copies = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
				for (int c = 0; c < copies; c++) {
					records.add(new SyntheticRecord(person.id(), String.valueOf((char) ('B' + c)), copy(person)));
				}
			}
		}
		Collections.shuffle(records, random);
		return new Population(List.copyOf(records), people.size());
	}

	// ---- the true population

	private void household(List<Person> people, int limit) {
		Home home = newHome(null);
		double r = random.nextDouble();
		int size = r < 0.25 ? 1 : r < 0.55 ? 2 : r < 0.80 ? 3 : r < 0.95 ? 4 : 5;
		String surname = surname();
		int headAge = 25 + random.nextInt(60);
		int headSex = 1 + random.nextInt(2);
		String headPhone = phone();
		List<Person> members = new ArrayList<>();
		members.add(person(surname, birthDate(headAge), headSex, headPhone, home));
		String spousePhone = null;
		if (size >= 2) {
			int age = Math.max(20, headAge + random.nextInt(11) - 5);
			spousePhone = random.nextDouble() < 0.95 ? phone() : headPhone;
			members.add(person(surname(), birthDate(age), 3 - headSex, spousePhone, home));
		}
		LocalDate twinBirth = null;
		for (int k = 2; k < size; k++) {
			int childAge = twinBirth != null ? TODAY.getYear() - 1 - twinBirth.getYear() : headAge - 22 - random.nextInt(17);
			boolean child = childAge >= 0;
			int age = child ? childAge : Math.min(100, headAge + 22 + random.nextInt(10)); // else an old parent
			LocalDate birth = twinBirth != null ? twinBirth : birthDate(age);
			int sex = 1 + random.nextInt(2);
			String phone = child && age < 16 ? (random.nextDouble() < 0.7 ? headPhone : spousePhone)
					: age > 75 ? (random.nextDouble() < 0.5 ? phone() : random.nextDouble() < 0.8 ? headPhone : null)
							: phone();
			Person person = twinBirth != null
					// twins often share a character: 张子涵 and 张子轩
					? new Person(0, twinName(members.get(members.size() - 1).name(), sex, birth), birth, sex, phone, home)
					: person(child ? surname : surname(), birth, sex, phone, home);
			while (sameName(members, person.name())) {
				// parents do not give a child their own name or a sibling's
				person = person(person.name().substring(0, Surnames.length(person.name())), birth, sex, phone, home);
			}
			members.add(person);
			twinBirth = child && twinBirth == null && random.nextDouble() < 0.04 ? birth : null;
		}
		for (Person member : members) {
			if (people.size() < limit) {
				people.add(new Person(people.size(), member.name(), member.birthDate(), member.sex(), member.phone(),
						member.home()));
			}
		}
	}

	private static boolean sameName(List<Person> members, String name) {
		return members.stream().anyMatch(m -> m.name().equals(name));
	}

	private Person person(String surname, LocalDate birth, int sex, String phone, Home home) {
		return new Person(0, surname + givenName(sex, birth), birth, sex, phone, home);
	}

	private String twinName(String sibling, int sex, LocalDate birth) {
		int surnameLength = Surnames.length(sibling);
		String surname = sibling.substring(0, surnameLength);
		String given = sibling.substring(surnameLength);
		String name;
		do {
			if (given.length() == 2 && random.nextBoolean()) {
				name = surname + given.charAt(0) + givenCharacter(sex, birth);
			}
			else {
				name = surname + givenName(sex, birth);
			}
		}
		while (name.equals(sibling));
		return name;
	}

	private String surname() {
		double x = random.nextDouble() * surnameCumulative[surnameCumulative.length - 1];
		for (int i = 0; i < surnameCumulative.length; i++) {
			if (x < surnameCumulative[i]) {
				return surnames.get(i);
			}
		}
		return surnames.get(surnames.size() - 1);
	}

	private String givenName(int sex, LocalDate birth) {
		String first = String.valueOf(givenCharacter(sex, birth));
		if (random.nextDouble() < (birth.getYear() < 1980 ? 0.35 : 0.15)) {
			return first;
		}
		return first + givenCharacter(sex, birth);
	}

	private char givenCharacter(int sex, LocalDate birth) {
		String pool = birth.getYear() >= 2005 && random.nextDouble() < 0.7 ? MODERN : sex == 1 ? MALE : FEMALE;
		return pool.charAt(zipf(pool.length()));
	}

	/** An index 0..n-1 with probability proportional to 1/(i+1): popular characters repeat a lot. */
	private int zipf(int n) {
		double harmonic = 0;
		for (int i = 1; i <= n; i++) {
			harmonic += 1.0 / i;
		}
		double x = random.nextDouble() * harmonic;
		for (int i = 0; i < n; i++) {
			x -= 1.0 / (i + 1);
			if (x < 0) {
				return i;
			}
		}
		return n - 1;
	}

	private LocalDate birthDate(int age) {
		int year = TODAY.getYear() - 1 - age;
		// many elderly registered without a known day: 1 January
		if (year < 1960 && random.nextDouble() < 0.08) {
			return LocalDate.of(year, 1, 1);
		}
		return LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
	}

	private String phone() {
		StringBuilder phone = new StringBuilder(PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]);
		for (int i = 0; i < 8; i++) {
			phone.append(random.nextInt(10));
		}
		return phone.toString();
	}

	/** A new home; near an old one (same street) when given one and a coin says so. */
	private Home newHome(Home near) {
		Street street = streets.get(random.nextInt(streets.size()));
		if (near != null && random.nextBoolean()) {
			street = streets.stream().filter(s -> near.communityCode().startsWith(s.code())).findFirst().orElse(street);
		}
		int c = random.nextInt(street.communities().size());
		String code = street.code() + String.format("%03d", c + 1);
		String community = street.communities().get(c);
		String road = pick(ROADS.split(" "));
		String text = street.name() + "街道" + community + "社区" + road + (1 + random.nextInt(300)) + "号"
				+ (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(30)) + String.format("%02d", 1 + random.nextInt(8))
				+ "室";
		return new Home(code, street.name(), community, text);
	}

	// ---- records

	/** The first record of a person: the truth with some fields not recorded. */
	private PersonFeatures original(Person p) {
		return new PersonFeatures(p.name(), p.birthDate(), random.nextDouble() < 0.01 ? "0" : String.valueOf(p.sex()),
				random.nextDouble() < 0.10 ? null : p.phone(), random.nextDouble() < 0.10 ? null : p.home().communityCode(),
				random.nextDouble() < 0.10 ? null : p.home().text());
	}

	/** Another institution's record of the person, with its typical errors. */
	private PersonFeatures copy(Person p) {
		String name = noisyName(p.name());
		LocalDate birth = noisyBirthDate(p.birthDate());
		String sex = noisySex(p.sex());
		String phone = noisyPhone(p.phone());
		Home home = random.nextDouble() < 0.10 ? newHome(p.home()) : p.home();
		String code = random.nextDouble() < 0.15 ? null : home.communityCode();
		String text = random.nextDouble() < 0.20 ? null : noisyAddress(home);
		return new PersonFeatures(name, birth, sex, phone, code, text);
	}

	/** The same address written another way: without the street, with the province, 号楼 for 栋. */
	private String noisyAddress(Home home) {
		String text = home.text();
		if (random.nextDouble() < 0.3) {
			text = text.substring(text.indexOf("街道") + 2);
		}
		if (random.nextDouble() < 0.2) {
			text = text.replace("栋", "号楼");
		}
		if (random.nextDouble() < 0.2) {
			text = "广东省南江市北城区" + text;
		}
		return text;
	}

	private String noisyName(String name) {
		double r = random.nextDouble();
		if (r < 0.005) {
			return null;
		}
		if (r < 0.065) {
			return pinyinOnly(name);
		}
		if (r < 0.145) {
			return substitute(name, homophones);
		}
		if (r < 0.185) {
			return substitute(name, traditional);
		}
		if (r < 0.200) {
			// a wrong character that sounds different: 伟 for 文
			int surnameLength = Surnames.length(name);
			int at = surnameLength + random.nextInt(Math.max(1, name.length() - surnameLength));
			if (at < name.length()) {
				return name.substring(0, at) + MALE.charAt(random.nextInt(MALE.length())) + name.substring(at + 1);
			}
		}
		if (r < 0.25) {
			// formatting only: a space or a middle dot between surname and given name
			int surnameLength = Surnames.length(name);
			return name.substring(0, surnameLength) + (random.nextBoolean() ? " " : "·") + name.substring(surnameLength);
		}
		return name;
	}

	private String substitute(String name, Map<Character, List<Character>> table) {
		List<Integer> candidates = new ArrayList<>();
		int start = table == homophones ? Surnames.length(name) : 0; // homophone typos hit given names
		for (int i = start; i < name.length(); i++) {
			if (table.containsKey(name.charAt(i))) {
				candidates.add(i);
			}
		}
		if (candidates.isEmpty()) {
			return name;
		}
		int at = candidates.get(random.nextInt(candidates.size()));
		List<Character> options = table.get(name.charAt(at));
		return name.substring(0, at) + options.get(random.nextInt(options.size())) + name.substring(at + 1);
	}

	private String pinyinOnly(String name) {
		List<String> syllables = names.normalize(name).orElseThrow().syllables();
		String surname = syllables.get(0);
		String given = String.join("", syllables.subList(1, syllables.size()));
		return switch (random.nextInt(5)) {
			case 0 -> surname.toUpperCase(Locale.ROOT) + " " + capitalize(given);
			case 1 -> capitalize(surname) + " " + capitalize(given);
			case 2 -> capitalize(given) + " " + capitalize(surname);
			case 3 -> (surname + " " + given).toUpperCase(Locale.ROOT);
			default -> capitalize(surname + given);
		};
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private LocalDate noisyBirthDate(LocalDate birth) {
		double r = random.nextDouble();
		if (r < 0.02) {
			return null;
		}
		if (r < 0.045) {
			return birth.getDayOfMonth() <= 12 ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue())
					: birth;
		}
		if (r < 0.075) {
			return oneDigitWrong(birth);
		}
		if (r < 0.09) {
			return birth.plusDays(random.nextBoolean() ? 1 : -1);
		}
		return birth;
	}

	private LocalDate oneDigitWrong(LocalDate birth) {
		String digits = birth.toString().replace("-", "");
		for (int attempt = 0; attempt < 20; attempt++) {
			int at = 2 + random.nextInt(6); // not the century
			char digit = (char) ('0' + random.nextInt(10));
			if (digit == digits.charAt(at)) {
				continue;
			}
			String wrong = digits.substring(0, at) + digit + digits.substring(at + 1);
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(wrong.substring(0, 4)), Integer.parseInt(wrong.substring(4, 6)),
						Integer.parseInt(wrong.substring(6)));
				if (!date.isAfter(TODAY)) {
					return date;
				}
			}
			catch (DateTimeException ex) {
				// not a date: try another digit
			}
		}
		return birth;
	}

	private String noisySex(int sex) {
		double r = random.nextDouble();
		if (r < 0.03) {
			return pick(new String[] { "0", "9", null });
		}
		if (r < 0.035) {
			return String.valueOf(3 - sex);
		}
		return String.valueOf(sex);
	}

	private String noisyPhone(String phone) {
		if (phone == null) {
			return random.nextDouble() < 0.3 ? phone() : null;
		}
		double r = random.nextDouble();
		if (r < 0.20) {
			return null;
		}
		if (r < 0.28) {
			return phone(); // a new number, or a relative's
		}
		if (r < 0.32) {
			int at = 3 + random.nextInt(8);
			if (random.nextBoolean() && at < 10) {
				return phone.substring(0, at) + phone.charAt(at + 1) + phone.charAt(at) + phone.substring(at + 2);
			}
			return phone.substring(0, at) + (char) ('0' + (phone.charAt(at) - '0' + 1 + random.nextInt(9)) % 10)
					+ phone.substring(at + 1);
		}
		if (r < 0.37) {
			return random.nextBoolean() ? "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)
					: phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
		}
		return phone;
	}

	private <T> T pick(T[] options) {
		return options[random.nextInt(options.length)];
	}

	private static Map<Character, List<Character>> table(String pairs, boolean symmetric) {
		Map<Character, List<Character>> table = new HashMap<>();
		for (String pair : pairs.split(" ")) {
			table.computeIfAbsent(pair.charAt(0), c -> new ArrayList<>()).add(pair.charAt(1));
			if (symmetric) {
				table.computeIfAbsent(pair.charAt(1), c -> new ArrayList<>()).add(pair.charAt(0));
			}
		}
		return table;
	}

}

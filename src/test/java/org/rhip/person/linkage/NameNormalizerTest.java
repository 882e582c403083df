package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;

class NameNormalizerTest {

	private final NameNormalizer names = new NameNormalizer();

	private NormalizedName normalize(String raw) {
		return names.normalize(raw).orElseThrow();
	}

	@Test
	void spacesMiddleDotsAndFullWidthLettersAreRemovedOrFolded() {
		assertThat(normalize("张 伟").text()).isEqualTo("张伟");
		assertThat(normalize("阿依古丽·买买提").text()).isEqualTo("阿依古丽买买提");
		assertThat(normalize("阿依古丽•买买提").text()).isEqualTo("阿依古丽买买提");
		assertThat(normalize("Ｚｈａｎｇ　Ｗｅｉ").text()).isEqualTo("zhang wei");
	}

	@Test
	void traditionalAndVariantCharactersFoldToTheSimplifiedForm() {
		assertThat(normalize("陳麗華").text()).isEqualTo("陈丽华");
		assertThat(normalize("劉誌傑").text()).isEqualTo("刘志杰");
		assertThat(normalize("張雲峯").text()).isEqualTo("张云峰");
		assertThat(normalize("黃艷").text()).isEqualTo(normalize("黄豔").text()).isEqualTo("黄艳");
		assertThat(normalize("锺群").text()).isEqualTo(normalize("鍾羣").text()).isEqualTo("钟群");
		assertThat(normalize("於範").text()).isEqualTo("于范");
	}

	@Test
	void distinctNameCharactersAreNotFoldedButShareTheirPinyin() {
		assertThat(normalize("李秀").text()).isNotEqualTo(normalize("李琇").text());
		assertThat(normalize("李秀").pinyin()).isEqualTo(normalize("李琇").pinyin()).containsExactly("lixiu");
	}

	@Test
	void pinyinIsTonelessLowerCaseSurnameFirst() {
		NormalizedName name = normalize("王小明");
		assertThat(name.syllables()).containsExactly("wang", "xiao", "ming");
		assertThat(name.pinyin()).containsExactly("wangxiaoming");
		assertThat(name.readings()).containsExactly(new NormalizedName.Reading("wang", "xiaoming"));
		assertThat(normalize("吕伟").pinyin()).containsExactly("lvwei");
	}

	@Test
	void polyphonicSurnamesTakeTheirSurnameReading() {
		assertThat(normalize("单丽").pinyin()).containsExactly("shanli");
		assertThat(normalize("曾伟").pinyin()).containsExactly("zengwei");
		assertThat(normalize("解军").pinyin()).containsExactly("xiejun");
		assertThat(normalize("区明").pinyin()).containsExactly("ouming");
		assertThat(normalize("仇刚").pinyin()).containsExactly("qiugang");
		assertThat(normalize("朴敏").pinyin()).containsExactly("piaomin");
		assertThat(normalize("查静").pinyin()).containsExactly("zhajing");
		assertThat(normalize("盖伟").pinyin()).containsExactly("gewei");
		assertThat(normalize("覃芳").pinyin()).containsExactly("qinfang");
		assertThat(normalize("缪丽").pinyin()).containsExactly("miaoli");
		assertThat(normalize("乐平").pinyin()).containsExactly("yueping");
		assertThat(normalize("尉迟恭").syllables()).containsExactly("yuchi", "gong");
		assertThat(normalize("欧阳娜娜").readings()).startsWith(new NormalizedName.Reading("ouyang", "nana"))
			.allMatch(reading -> reading.surname().equals("ouyang"));
	}

	@Test
	void aPolyphonicGivenNameHasEveryReading() {
		assertThat(normalize("张长乐").pinyin()).contains("zhangchangle", "zhangchangyue", "zhangzhangle");
	}

	@Test
	void aCompoundSurnameNeedsAGivenName() {
		// 钟离 as a whole two-character name is 钟 + 离, not the compound surname
		assertThat(normalize("钟离").readings()).containsExactly(new NormalizedName.Reading("zhong", "li"));
	}

	@Test
	void latinNamesAreReadInBothOrdersPreferringCapitalsOrTheKnownSurname() {
		NormalizedName passport = normalize("ZHANG Wei");
		assertThat(passport.latin()).isTrue();
		assertThat(passport.syllables()).containsExactly("zhang", "wei");
		assertThat(passport.pinyin()).containsExactly("zhangwei", "weizhang");

		NormalizedName western = normalize("Xiaoming WANG");
		assertThat(western.syllables()).containsExactly("wang", "xiaoming");
		assertThat(western.pinyin()).containsExactly("wangxiaoming", "xiaomingwang");

		assertThat(normalize("Xiaoming Wang").syllables()).containsExactly("wang", "xiaoming");
		assertThat(normalize("Zhang, Wei").syllables()).containsExactly("zhang", "wei");
		assertThat(normalize("LYU Wei").pinyin()).contains("lvwei");
		assertThat(normalize("Zhāng Wěi").pinyin()).contains("zhangwei");
	}

	@Test
	void aLatinNameInOneWordIsSplitAtAKnownSurname() {
		assertThat(normalize("Zhangwei").readings()).contains(new NormalizedName.Reading("zhang", "wei"));
		assertThat(normalize("Weizhang").readings()).contains(new NormalizedName.Reading("zhang", "wei"));
	}

	@Test
	void theChineseAndThePinyinFormOfANameShareAReading() {
		Set<String> chinese = new HashSet<>(normalize("张伟").pinyin());
		assertThat(normalize("Wei Zhang").pinyin()).anyMatch(chinese::contains);
		assertThat(normalize("ZHANG WEI").pinyin()).anyMatch(chinese::contains);
	}

	@Test
	void phoneticKeysJoinSurnamePinyinAndTheGivenNamesFirstLetter() {
		assertThat(normalize("张伟").phoneticKeys()).containsExactly("zhang.w");
		assertThat(normalize("章玮").phoneticKeys()).containsExactly("zhang.w");
		assertThat(normalize("ZHANG Wei").phoneticKeys()).containsExactly("zhang.w", "wei.z");
		assertThat(normalize("单丽").phoneticKeys()).containsExactly("shan.l");
	}

	@Test
	void nothingLeftIsNoName() {
		assertThat(names.normalize(null)).isEmpty();
		assertThat(names.normalize(" · ")).isEmpty();
	}

	@Test
	void everyVariantPairSharesAReadingInTheDictionary() {
		String pairs = ChineseCharacters.VARIANT_PAIRS;
		SoftAssertions softly = new SoftAssertions();
		for (int i = 0; i < pairs.length(); i += 2) {
			Set<String> variant = readings(pairs.charAt(i));
			variant.retainAll(readings(pairs.charAt(i + 1)));
			softly.assertThat(variant).as("%s/%s", pairs.charAt(i), pairs.charAt(i + 1)).isNotEmpty();
		}
		softly.assertAll();
	}

	@Test
	void everySurnameReadingIsOneTheDictionaryKnows() {
		SoftAssertions softly = new SoftAssertions();
		Surnames.polyphonicReadings()
			.forEach((surname, reading) -> softly.assertThat(readings(surname.charAt(0))).as(surname).contains(reading));
		Surnames.compoundReadings().forEach((surname, reading) -> {
			List<String> first = List.copyOf(readings(surname.charAt(0)));
			softly.assertThat(first).as(surname).anyMatch(reading::startsWith);
		});
		softly.assertAll();
	}

	private static Set<String> readings(char c) {
		HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
		try {
			String[] found = PinyinHelper.toHanyuPinyinStringArray(c, format);
			return found == null ? new HashSet<>() : new HashSet<>(List.of(found));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

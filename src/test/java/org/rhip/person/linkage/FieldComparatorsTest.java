package org.rhip.person.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Each comparator's levels, with hand-picked pairs. */
class FieldComparatorsTest {

	private final RecordComparator comparator = new RecordComparator();

	private int name(String a, String b) {
		return comparator.compare(person(a), person(b)).level(Field.NAME);
	}

	private static PersonFeatures person(String name) {
		return new PersonFeatures(name, null, null, null, null, null);
	}

	@Test
	void namesAgreeExactlyAfterFoldingTraditionalAndVariantCharacters() {
		assertThat(name("张伟", "张伟")).isEqualTo(NameComparator.EXACT);
		assertThat(name("张伟", "張偉")).isEqualTo(NameComparator.EXACT);
		assertThat(name("钟丽华", "鍾麗華")).isEqualTo(NameComparator.EXACT);
		assertThat(name("张 伟", "张·伟")).isEqualTo(NameComparator.EXACT);
	}

	@Test
	void homophonesDistinctVariantsAndLatinSpellingsShareThePinyin() {
		assertThat(name("王明", "王铭")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("李丽", "李莉")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("李秀", "李琇")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("张伟", "ZHANG Wei")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("张伟", "Wei Zhang")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("张伟", "zhangwei")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("ZHANG Wei", "Zhang Wei")).isEqualTo(NameComparator.SAME_PINYIN);
		assertThat(name("单丽", "Shan Li")).isEqualTo(NameComparator.SAME_PINYIN);
	}

	@Test
	void fuzzyPinyinAndSmallSpellingErrorsAreSimilar() {
		assertThat(name("王晓明", "王晓敏")).isEqualTo(NameComparator.SIMILAR); // xiaoming / xiaomin
		assertThat(name("陈静", "陈金")).isEqualTo(NameComparator.SIMILAR); // jing / jin
		assertThat(name("张伟", "Zhnag Wei")).isEqualTo(NameComparator.SIMILAR);
		assertThat(name("Liu Zhiqiang", "刘志祥")).isEqualTo(NameComparator.SIMILAR); // zhiqiang / zhixiang, typed
	}

	@Test
	void twoNamesInCharactersThatSoundDifferentAreDifferentNames() {
		// siblings, not typos: in characters, only an input method's fuzzy pinyin makes a near miss
		assertThat(name("刘志强", "刘志祥")).isEqualTo(NameComparator.DIFFERENT);
		assertThat(name("黄志强", "黄志刚")).isEqualTo(NameComparator.DIFFERENT);
	}

	@Test
	void otherNamesDisagreeEvenWithTheSameSurnameOrGivenName() {
		assertThat(name("张伟", "张丽")).isEqualTo(NameComparator.DIFFERENT);
		assertThat(name("张伟", "王伟")).isEqualTo(NameComparator.DIFFERENT);
		assertThat(name("张伟", "李娜")).isEqualTo(NameComparator.DIFFERENT);
	}

	@Test
	void aMissingNameIsMissing() {
		assertThat(name("张伟", null)).isEqualTo(Field.MISSING);
		assertThat(name(" ", "张伟")).isEqualTo(Field.MISSING);
	}

	@Test
	void birthDatesAgreeExactlyOrWithSwappedDayAndMonth() {
		LocalDate date = LocalDate.of(1985, 3, 7);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 3, 7))).isEqualTo(BirthDateComparator.EXACT);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 7, 3))).isEqualTo(BirthDateComparator.SWAPPED);
	}

	@Test
	void birthDatesWithOnePartMistypedOrOffByOneDifferInOnePart() {
		LocalDate date = LocalDate.of(1985, 3, 7);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 3, 8))).as("a day later")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 3, 17))).as("one day digit")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 5, 7))).as("one month digit")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1986, 3, 7))).as("a year later")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1958, 3, 7))).as("year digits swapped")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1995, 3, 7))).as("one year digit")
			.isEqualTo(BirthDateComparator.ONE_PART);
		assertThat(BirthDateComparator.level(LocalDate.of(1985, 3, 31), LocalDate.of(1985, 4, 1))).as("a day apart")
			.isEqualTo(BirthDateComparator.ONE_PART);
	}

	@Test
	void otherBirthDatesDisagree() {
		LocalDate date = LocalDate.of(1985, 3, 7);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 3, 28))).isEqualTo(BirthDateComparator.DIFFERENT);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1985, 4, 8))).isEqualTo(BirthDateComparator.DIFFERENT);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1990, 6, 15))).isEqualTo(BirthDateComparator.DIFFERENT);
		assertThat(BirthDateComparator.level(date, LocalDate.of(1963, 3, 7))).isEqualTo(BirthDateComparator.DIFFERENT);
		assertThat(BirthDateComparator.level(date, null)).isEqualTo(Field.MISSING);
	}

	@Test
	void sexAgreesOrNotAndUnknownIsMissing() {
		assertThat(SexComparator.level(SexComparator.code("1"), SexComparator.code("1"))).isEqualTo(SexComparator.SAME);
		assertThat(SexComparator.level(SexComparator.code("男"), SexComparator.code("1"))).isEqualTo(SexComparator.SAME);
		assertThat(SexComparator.level(SexComparator.code("1"), SexComparator.code("2"))).isEqualTo(SexComparator.DIFFERENT);
		assertThat(SexComparator.level(SexComparator.code("2"), SexComparator.code("9"))).isEqualTo(Field.MISSING);
		assertThat(SexComparator.level(SexComparator.code("0"), SexComparator.code(null))).isEqualTo(Field.MISSING);
	}

	private static int phone(String a, String b) {
		return PhoneComparator.level(PhoneComparator.digits(a), PhoneComparator.digits(b));
	}

	@Test
	void phonesAgreeExactlyWhateverTheFormatting() {
		assertThat(phone("13812345678", "138-1234-5678")).isEqualTo(PhoneComparator.EXACT);
		assertThat(phone("13812345678", "+86 138 1234 5678")).isEqualTo(PhoneComparator.EXACT);
		assertThat(phone("13812345678", "008613812345678")).isEqualTo(PhoneComparator.EXACT);
	}

	@Test
	void phonesWithOneMistypedDigitOrTheSameLastEightAgreePartially() {
		assertThat(phone("13812345678", "13812345679")).as("one digit").isEqualTo(PhoneComparator.PARTIAL);
		assertThat(phone("13812345678", "13812345687")).as("adjacent digits swapped").isEqualTo(PhoneComparator.PARTIAL);
		assertThat(phone("020-87654321", "87654321")).as("without area code").isEqualTo(PhoneComparator.PARTIAL);
	}

	@Test
	void otherPhonesDisagreeAndShortOnesAreMissing() {
		assertThat(phone("13812345678", "13987654321")).isEqualTo(PhoneComparator.DIFFERENT);
		assertThat(phone("13812345678", "13812345600")).isEqualTo(PhoneComparator.DIFFERENT);
		assertThat(phone("13812345678", "123")).isEqualTo(Field.MISSING);
		assertThat(phone(null, "13812345678")).isEqualTo(Field.MISSING);
	}

	private static int address(String codeA, String textA, String codeB, String textB) {
		return AddressComparator.level(AddressComparator.Address.of(codeA, textA),
				AddressComparator.Address.of(codeB, textB));
	}

	@Test
	void theSameHouseWrittenDifferentlyIsTheSameAddress() {
		String full = "东风街道幸福社区人民路12号3栋502室";
		assertThat(address("440199001002", full, "440199001002", full)).isEqualTo(AddressComparator.SAME_ADDRESS);
		assertThat(address(null, full, null, "幸福社区人民路12号3号楼502室")).isEqualTo(AddressComparator.SAME_ADDRESS);
		assertThat(address("440199001002", full, null, "广东省南江市北城区" + full)).isEqualTo(AddressComparator.SAME_ADDRESS);
	}

	@Test
	void orgUnitCodesGiveTheSameCommunityOrStreet() {
		String a = "东风街道幸福社区人民路12号3栋502室";
		String b = "东风街道幸福社区人民路18号1栋201室";
		assertThat(address("440199001002", a, "440199001002", b)).isEqualTo(AddressComparator.SAME_COMMUNITY);
		assertThat(address("440199001002", null, "440199001005", null)).isEqualTo(AddressComparator.SAME_STREET);
		assertThat(address("440199001002", null, "440199001", null)).as("a street code").isEqualTo(AddressComparator.SAME_STREET);
		assertThat(address("440199001002", a, "440199002002", a.replace("12号", "13号")))
			.isEqualTo(AddressComparator.DIFFERENT);
	}

	@Test
	void differentTextsWithoutCodesDisagreeAndOneSidedAddressesAreMissing() {
		assertThat(address(null, "东风街道幸福社区人民路12号3栋502室", null, "新华街道翠园社区中山路7号2栋101室"))
			.isEqualTo(AddressComparator.DIFFERENT);
		assertThat(address("440199001002", null, null, "新华街道翠园社区中山路7号2栋101室")).isEqualTo(Field.MISSING);
		assertThat(address(null, null, null, null)).isEqualTo(Field.MISSING);
		assertThat(address("4401", null, "4401", null)).as("a district code is too coarse").isEqualTo(Field.MISSING);
	}

	@Test
	void aComparisonVectorPacksOneLevelPerField() {
		ComparisonVector vector = ComparisonVector.of(0, 1, Field.MISSING, 2, 3);
		assertThat(vector.level(Field.NAME)).isZero();
		assertThat(vector.level(Field.BIRTH_DATE)).isEqualTo(1);
		assertThat(vector.level(Field.SEX)).isEqualTo(Field.MISSING);
		assertThat(vector.level(Field.PHONE)).isEqualTo(2);
		assertThat(vector.level(Field.ADDRESS)).isEqualTo(3);
		assertThat(ComparisonVector.ofCode(vector.code())).isEqualTo(vector);
	}

	@Test
	void aWholeRecordComparesFieldByField() {
		PersonFeatures a = new PersonFeatures("陈丽华", LocalDate.of(1985, 3, 7), "2", "13812345678", "440199001002",
				"东风街道幸福社区人民路12号3栋502室");
		PersonFeatures b = new PersonFeatures("CHEN Lihua", LocalDate.of(1985, 7, 3), "2", "13812345679", "440199001003",
				null);
		assertThat(comparator.compare(a, b))
			.isEqualTo(ComparisonVector.of(NameComparator.SAME_PINYIN, BirthDateComparator.SWAPPED, SexComparator.SAME,
					PhoneComparator.PARTIAL, AddressComparator.SAME_STREET));
	}

}

package org.rhip.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.rhip.person.Person;
import org.rhip.person.PersonDocument;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.RegistryApi;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the person pages put the person module's values into words, without a server. */
class PersonPagesTest {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.ENGLISH;

	/** No org unit is known: a place shows as its code. */
	private final PersonPages pages = new PersonPages(Mockito.mock(RegistryApi.class), messages());

	private final ReviewController review = new ReviewController(null, pages);

	@Test
	void everyKeyOfTheWeightsBecomesAComparisonInItsOrder() {
		String weights = """
				{"name":{"level":"same_pinyin","weight":5.2},"birthDate":{"level":"day/month swapped","weight":-1.5},
				 "sex":{"level":"missing","weight":0},"motherName":{"level":"exact","weight":2}}""";

		List<PersonPages.Comparison> rows = pages.comparisons(weights, ZH);

		assertThat(rows).extracting(PersonPages.Comparison::field).containsExactly("name", "birthDate", "sex", "motherName");
		assertThat(rows).extracting(PersonPages.Comparison::agreement).containsExactly("agree", "disagree", "neutral", "agree");
		assertThat(rows).extracting(PersonPages.Comparison::levelLabel).containsExactly("拼音相同", "日月颠倒", "缺失", "完全一致");
		assertThat(rows).extracting(PersonPages.Comparison::fieldLabel).startsWith("姓名", "出生日期", "性别");
		assertThat(rows).extracting(PersonPages.Comparison::weight).containsExactly("5.2", "-1.5", "0.0", "2.0");
		// a field without a label keeps its key
		assertThat(rows.get(3).fieldLabel()).isEqualTo("motherName");
	}

	@Test
	void emptyOrBrokenWeightsGiveNoComparison() {
		assertThat(pages.comparisons("{}", ZH)).isEmpty();
		assertThat(pages.comparisons(null, ZH)).isEmpty();
		assertThat(pages.comparisons("not json", ZH)).isEmpty();
		assertThat(pages.comparisons("[1,2]", ZH)).isEmpty();
	}

	@Test
	void theSideBySideRowsMarkTheIdentityFieldsAndAddTheOtherKeys() {
		PersonPages.PersonRow left = pages.row(person(1, "欧**兰", null, "440983101"), ZH);
		PersonPages.PersonRow right = pages.row(person(2, "欧**兰", LocalDate.of(1977, 9, 30), "440983101"), ZH);
		List<PersonPages.Comparison> comparisons = pages.comparisons(
				"{\"address\":{\"level\":\"same street\",\"weight\":3},\"name\":{\"level\":\"exact\",\"weight\":8},\"x\":1}", ZH);

		List<ReviewController.FieldRow> rows = review.fieldRows(left, right, comparisons, ZH);

		assertThat(rows).extracting(ReviewController.FieldRow::field)
			.containsExactly("idNumber", "name", "sex", "birthDate", "phone", "address", "x");
		ReviewController.FieldRow name = rows.get(1);
		assertThat(name.label()).isEqualTo("姓名");
		assertThat(name.left()).isEqualTo("欧**兰");
		assertThat(name.agreement()).isEqualTo("agree");
		assertThat(rows.get(3).left()).isEqualTo("—");
		assertThat(rows.get(3).right()).isEqualTo("1977年9月30日");
		assertThat(rows.get(3).agreement()).isEmpty();
		assertThat(rows.get(5).left()).isEqualTo("440983101");
		assertThat(rows.get(5).agreement()).isEqualTo("agree");
		assertThat(rows.get(5).level()).isEqualTo("同一街道");
		assertThat(rows.get(6).weight()).isEqualTo("1.0");
	}

	@Test
	void sexAndDatesAreWrittenTheReadersWay() {
		PersonPages.PersonRow zh = pages.row(person(3, "王*英", LocalDate.of(1960, 2, 3), null), ZH);
		PersonPages.PersonRow en = pages.row(person(3, "王*英", LocalDate.of(1960, 2, 3), null), EN);

		assertThat(zh.sex()).isEqualTo("女");
		assertThat(zh.birthDate()).isEqualTo("1960年2月3日");
		assertThat(zh.household()).isEqualTo("是");
		assertThat(zh.statusLabel()).isEqualTo("在册");
		assertThat(zh.documents()).extracting(PersonPages.DocumentRow::type).containsExactly("护照");
		assertThat(en.sex()).isEqualTo("Female");
		assertThat(en.birthDate()).isEqualTo("February 3, 1960");
		assertThat(en.resident()).isEqualTo("—");
	}

	@Test
	void theIdNumberChecksAreTranslatedSentenceBySentence() {
		InvalidInput check = new InvalidInput("person.id-number", "idNumber", "the check character of the ID number is wrong");
		InvalidInput unknown = new InvalidInput("person.id-number", "idNumber", "a sentence nobody translated");
		InvalidInput other = new InvalidInput("no.such-code", "x", "as it is");

		assertThat(pages.problem(check, ZH)).isEqualTo("身份证号的校验码不正确");
		assertThat(pages.problem(check, EN)).isEqualTo("The check character of the ID number is wrong");
		assertThat(pages.problem(unknown, ZH)).isEqualTo("身份证号有误");
		assertThat(pages.problem(other, ZH)).isEqualTo("as it is");
	}

	private static Person person(long id, String name, LocalDate birth, String orgUnit) {
		return new Person(id, "440983********1234", name, "139****5678", "2", birth, orgUnit, "****", true, null, null,
				"active", null, List.of(new PersonDocument("passport", "*****1234")), true);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}

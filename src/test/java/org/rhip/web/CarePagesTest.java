package org.rhip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.rhip.care.IndicatorValue;

/** Counts written the Chinese way, and the sparkline's points, worked out by hand. */
class CarePagesTest {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Test
	void largeCountsAreWrittenInWanAndYiInChineseAndInFullInEnglish() {
		assertThat(CarePages.figure(BigDecimal.valueOf(2_241_826), ZH)).isEqualTo(new CarePages.Figure("224.18万", "2,241,826"));
		assertThat(CarePages.figure(BigDecimal.valueOf(50_000), ZH).text()).isEqualTo("5万");
		assertThat(CarePages.figure(BigDecimal.valueOf(10_050), ZH).text()).isEqualTo("1.01万");
		assertThat(CarePages.figure(BigDecimal.valueOf(9_999), ZH).text()).isEqualTo("9,999");
		assertThat(CarePages.figure(BigDecimal.valueOf(123_456_789), ZH).text()).isEqualTo("1.23亿");
		assertThat(CarePages.figure(BigDecimal.valueOf(2_241_826), Locale.ENGLISH))
			.isEqualTo(new CarePages.Figure("2,241,826", "2,241,826"));
		assertThat(CarePages.figure(null, ZH).text()).isEmpty();
	}

	@Test
	void theSparklineSpansTheYearsFromTheFirstToTheSelectedOneAndTheRangeOfTheValues() {
		CarePages pages = new CarePages(null, null, null, null, null, null, null, 2016);
		// 2016..2020 over x 2..118 (29 a year); values 10..30 over y 26..2
		List<IndicatorValue> series = List.of(value(2016, "10"), value(2018, "30"), value(2020, "20"), value(2021, "99"));
		CarePages.Sparkline line = pages.sparkline(series, 2020);
		assertThat(line.points()).isEqualTo("2.0,26.0 60.0,2.0 118.0,14.0");
		assertThat(line.lastX()).isEqualTo("118.0");
		assertThat(line.lastY()).isEqualTo("14.0");
		assertThat(pages.sparkline(List.of(value(2020, "20")), 2020).drawn()).isFalse();
	}

	private static IndicatorValue value(int year, String value) {
		return new IndicatorValue("X", "440196", year, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(value));
	}

}

package org.rhip.indicator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers and units as a report prints them: "1,234.56", "6.12张", "提高0.90个百分点". */
final class Figures {

	private Figures() {
	}

	/** Rounded half-up to {@code decimals} places, with thousands separators. */
	static String format(BigDecimal value, int decimals) {
		DecimalFormat format = new DecimalFormat(pattern(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
	}

	/** The Excel number format for {@code decimals} places. */
	static String pattern(int decimals) {
		return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
	}

	static BigDecimal round(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP);
	}

	/**
	 * A unit as a report writes it after a value ({@code suffix}) and after a difference of two values
	 * ({@code difference}: a rate in % changes by percentage points).
	 */
	record Unit(String suffix, String difference) {

		static Unit of(String printed, boolean english) {
			String unit = printed == null ? "" : printed.strip().replace('％', '%');
			if (english) {
				return switch (unit) {
					case "%" -> new Unit("%", " percentage points");
					case "‰" -> new Unit("‰", " per-mille points");
					case "/10万", "1/10万" -> new Unit(" per 100,000", " per 100,000");
					case "岁" -> new Unit(" years", " years");
					case "天" -> new Unit(" days", " days");
					default -> new Unit("", "");
				};
			}
			return switch (unit) {
				case "%" -> new Unit("%", "个百分点");
				case "‰" -> new Unit("‰", "个千分点");
				case "/10万", "1/10万" -> new Unit("/10万", "/10万");
				default -> new Unit(unit, unit);
			};
		}

	}

}

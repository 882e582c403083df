package org.rhip.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 家庭医生签约 — a resident's contract with a family-doctor team, one year by default. In force from
 * {@code startDate} to {@code endDate}, or to the day before {@code cancelledOn}. {@code renewedFrom}
 * is the contract number of the contract this one renews (续约). {@code declaredTags}: the key
 * populations declared when signing ({@code disabled}, {@code low-income}, {@code special-hardship}).
 * Only the person id names the resident.
 */
public record FamilyDoctorContract(long id, String contractNumber, long personId, String teamCode, LocalDate startDate,
		LocalDate endDate, String channel, String servicePackage, String status, LocalDate cancelledOn,
		String cancelReason, String renewedFrom, List<String> declaredTags, OffsetDateTime createdAt) {

	/** The last day in force (before the start when it was cancelled on its first day). */
	public LocalDate lastDay() {
		return cancelledOn != null && cancelledOn.isBefore(endDate.plusDays(1)) ? cancelledOn.minusDays(1) : endDate;
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(startDate) && !day.isAfter(lastDay());
	}

}

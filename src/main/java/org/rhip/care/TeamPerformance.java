package org.rhip.care;

import java.math.BigDecimal;

/**
 * A team's workload and performance in a year (团队工作量与绩效): residents under one of its contracts on
 * some day of the year; services delivered to them at the team's institution while under contract
 * (public-health service visits and outpatient visits); contracts that ran to their end in the year
 * and how many of those were renewed (续约率 = renewed / expiring × 100, null when none expired).
 */
public record TeamPerformance(String teamCode, String teamName, String institutionCode, String orgUnitCode, int year,
		long contractedResidents, long publicHealthServices, long outpatientVisits, long servicesDelivered,
		long contractsExpiring, long contractsRenewed, BigDecimal renewalRate) {
}

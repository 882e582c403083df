package org.rhip.care.visit;

import java.math.BigDecimal;

import org.rhip.care.indicator.MemberQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service volume from encounters (REFERENCE.md §7). Visits (诊疗人次) are outpatient, emergency and
 * home visits and public-health service visits at an institution of the registry; each is counted at
 * the institution's org unit. The engine supplies {@code :institutions} and {@code :institutionUnits}
 * (the registry's institutions and their org units) and {@code :primaryCare} (the primary-care ones).
 */
@Configuration(proxyBeanMethods = false)
class VisitQueries {

	/** 基层医疗卫生机构诊疗量占比: visits at primary-care institutions / visits at all institutions. */
	@Bean
	MemberQuery primaryCareShare() {
		return MemberQuery.of("PRIMARY_CARE_VISIT_SHARE", BigDecimal.valueOf(100), true, """
				select date_part('year', e.date)::int as year, e.person_id, i.org_unit_code,
				       e.institution_code = any(cast(:primaryCare as text[])) as numerator
				from record.encounter e
				join (select unnest(cast(:institutions as text[])) as code,
				             unnest(cast(:institutionUnits as text[])) as org_unit_code) i on i.code = e.institution_code
				where e.kind in ('outpatient', 'emergency', 'home', 'public_health')
				  and e.date >= make_date(cast(:from as int), 1, 1) and e.date < make_date(cast(:to as int) + 1, 1, 1)
				""");
	}

}

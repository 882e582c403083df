package org.rhip.registry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rhip.registry.Institution;
import org.rhip.registry.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the registry schema. Nothing outside the registry module reads these tables. */
@Repository
public class RegistryRepository {

	private final JdbcClient jdbc;

	RegistryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean hasOrgUnit(String code) {
		return jdbc.sql("select count(*) from registry.org_unit where code = ?").param(code).query(Long.class).single() > 0;
	}

	public Optional<OrgUnit> orgUnit(String code) {
		return jdbc.sql("select * from registry.org_unit where code = ?").param(code).query((rs, n) -> orgUnit(rs, n)).optional();
	}

	/** Districts and county-level cities, by code. */
	public List<OrgUnit> regions() {
		return jdbc.sql("select * from registry.org_unit where kind in ('district', 'county_city') order by code")
			.query((rs, n) -> orgUnit(rs, n))
			.list();
	}

	public List<OrgUnit> children(String code) {
		return jdbc.sql("select * from registry.org_unit where parent_code = ? order by code")
			.param(code)
			.query((rs, n) -> orgUnit(rs, n))
			.list();
	}

	public List<String> subtreeCodes(String code) {
		return jdbc.sql("""
				select code from registry.org_unit
				where path like (select path from registry.org_unit where code = ?) || '%'
				order by path
				""").param(code).query(String.class).list();
	}

	public void insertOrgUnit(String code, String name, String nameEn, String kind, String parentCode) {
		String parentPath = parentCode == null ? "/"
				: jdbc.sql("select path from registry.org_unit where code = ?").param(parentCode).query(String.class).single();
		jdbc.sql("""
				insert into registry.org_unit (code, name, name_en, kind, parent_code, path, depth)
				values (:code, :name, :nameEn, :kind, :parent, :path, :depth)
				""")
			.param("code", code)
			.param("name", name)
			.param("nameEn", nameEn)
			.param("kind", kind)
			.param("parent", parentCode)
			.param("path", parentPath + code + "/")
			.param("depth", parentPath.split("/").length)
			.update();
	}

	public void updateOrgUnitName(String code, String name, String nameEn) {
		jdbc.sql("update registry.org_unit set name = ?, name_en = ? where code = ?").params(name, nameEn, code).update();
	}

	public List<Institution> institutionsWithin(String orgUnitCode) {
		return jdbc.sql("""
				select i.*, coalesce(array_agg(d.kind order by d.kind) filter (where d.kind is not null), '{}') as departments
				from registry.institution i
				join registry.org_unit o on o.code = i.org_unit_code
				left join registry.institution_department d on d.institution_code = i.code
				where o.path like (select path from registry.org_unit where code = ?) || '%'
				group by i.code
				order by i.code
				""").param(orgUnitCode).query((rs, n) -> institution(rs, n)).list();
	}

	public Optional<Institution> institution(String code) {
		return jdbc.sql("""
				select i.*, coalesce(array_agg(d.kind order by d.kind) filter (where d.kind is not null), '{}') as departments
				from registry.institution i
				left join registry.institution_department d on d.institution_code = i.code
				where i.code = ?
				group by i.code
				""").param(code).query((rs, n) -> institution(rs, n)).optional();
	}

	public void upsertInstitution(Institution institution) {
		jdbc.sql("""
				insert into registry.institution (code, name, type, level, ownership, org_unit_code)
				values (:code, :name, :type, :level, :ownership, :orgUnit)
				on conflict (code) do update set name = excluded.name, type = excluded.type, level = excluded.level,
				    ownership = excluded.ownership, org_unit_code = excluded.org_unit_code
				""")
			.param("code", institution.code())
			.param("name", institution.name())
			.param("type", institution.type())
			.param("level", institution.level())
			.param("ownership", institution.ownership())
			.param("orgUnit", institution.orgUnitCode())
			.update();
		jdbc.sql("delete from registry.institution_department where institution_code = ?").param(institution.code()).update();
		for (String department : institution.departments()) {
			jdbc.sql("insert into registry.institution_department (institution_code, kind) values (?, ?)")
				.params(institution.code(), department)
				.update();
		}
	}

	public Map<String, Integer> resources(String institutionCode, int year) {
		Map<String, Integer> resources = new LinkedHashMap<>();
		jdbc.sql("select item, count from registry.institution_resource where institution_code = ? and year = ? order by item")
			.params(institutionCode, year)
			.query(rs -> {
				resources.put(rs.getString("item"), rs.getInt("count"));
			});
		return resources;
	}

	public void putResource(String institutionCode, int year, String item, int count) {
		jdbc.sql("""
				insert into registry.institution_resource (institution_code, year, item, count) values (?, ?, ?, ?)
				on conflict (institution_code, year, item) do update set count = excluded.count
				""").params(institutionCode, year, item, count).update();
	}

	public void putPopulation(String orgUnitCode, int year, long count, String note) {
		jdbc.sql("""
				insert into registry.population (org_unit_code, year, count, note) values (?, ?, ?, ?)
				on conflict (org_unit_code, year) do update set count = excluded.count, note = excluded.note
				""").params(orgUnitCode, year, count, note).update();
	}

	/**
	 * Resident population of an org unit: its own figure when the registry has one, otherwise the
	 * sum over the nearest descendants that have one (a district total wins over its streets).
	 */
	public Optional<Long> population(String orgUnitCode, int year) {
		return jdbc.sql("""
				with recursive tree as (
				    select o.code, p.count
				    from registry.org_unit o
				    left join registry.population p on p.org_unit_code = o.code and p.year = :year
				    where o.code = :code
				  union all
				    select c.code, p.count
				    from tree t
				    join registry.org_unit c on c.parent_code = t.code
				    left join registry.population p on p.org_unit_code = c.code and p.year = :year
				    where t.count is null
				)
				select sum(count) from tree
				""").param("code", orgUnitCode).param("year", year).query(Long.class).optional();
	}

	/** Sums of beds, staff and places over all institutions of the subtree for one year. */
	public Map<String, BigDecimal> resourceTotals(String orgUnitCode, int year) {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		jdbc.sql("""
				select r.item, sum(r.count) as total
				from registry.institution_resource r
				join registry.institution i on i.code = r.institution_code
				join registry.org_unit o on o.code = i.org_unit_code
				where r.year = :year and o.path like (select path from registry.org_unit where code = :code) || '%'
				group by r.item
				""").param("code", orgUnitCode).param("year", year).query(rs -> {
			totals.put(rs.getString("item"), rs.getBigDecimal("total"));
		});
		return totals;
	}

	/**
	 * Counts of institutions of the subtree active in a year (those with any resource row that year):
	 * level II+ general (incl. TCM) hospitals and CHCs, with and without the named department.
	 */
	public Map<String, BigDecimal> institutionCounts(String orgUnitCode, int year) {
		return jdbc.sql("""
				with active as (
				    select i.code, i.type, i.level,
				           exists (select 1 from registry.institution_department d
				                   where d.institution_code = i.code and d.kind = 'geriatrics') as geriatrics,
				           exists (select 1 from registry.institution_department d
				                   where d.institution_code = i.code and d.kind = 'tcm_non_drug_therapy') as tcm_non_drug
				    from registry.institution i
				    join registry.org_unit o on o.code = i.org_unit_code
				    where o.path like (select path from registry.org_unit where code = :code) || '%'
				      and exists (select 1 from registry.institution_resource r where r.institution_code = i.code and r.year = :year)
				)
				select count(*) filter (where type in ('general_hospital', 'tcm_hospital') and level in ('secondary', 'tertiary')) as l2,
				       count(*) filter (where type in ('general_hospital', 'tcm_hospital') and level in ('secondary', 'tertiary') and geriatrics) as l2_geriatrics,
				       count(*) filter (where type = 'chc') as chcs,
				       count(*) filter (where type = 'chc' and tcm_non_drug) as chcs_tcm,
				       count(*) as active
				from active
				""").param("code", orgUnitCode).param("year", year).query((rs, n) -> {
			Map<String, BigDecimal> counts = new LinkedHashMap<>();
			if (rs.getLong("active") == 0) {
				return counts;
			}
			counts.put("GENERAL_HOSPITALS_L2", rs.getBigDecimal("l2"));
			counts.put("GENERAL_HOSPITALS_L2_GERIATRICS", rs.getBigDecimal("l2_geriatrics"));
			counts.put("CHCS", rs.getBigDecimal("chcs"));
			counts.put("CHCS_TCM_NON_DRUG", rs.getBigDecimal("chcs_tcm"));
			return counts;
		}).single();
	}

	private OrgUnit orgUnit(ResultSet rs, int row) throws SQLException {
		return new OrgUnit(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("kind"),
				Optional.ofNullable(rs.getString("parent_code")), rs.getString("path"), rs.getInt("depth"));
	}

	private Institution institution(ResultSet rs, int row) throws SQLException {
		String[] departments = (String[]) rs.getArray("departments").getArray();
		return new Institution(rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("level"),
				rs.getString("ownership"), rs.getString("org_unit_code"), List.of(departments));
	}

}

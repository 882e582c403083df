-- person: lookups by ID number go through a plain index too (the unique one is partial, on active
-- persons only, and the lookups that follow merges cannot use it).
create index person_id_number_any on person.person (id_number_hash);

-- The published, non-identifying view of the population register for analytics (docs/decisions/0006):
-- active persons of the platform's districts with sex, birth, death and the org unit of the address.
-- Nothing here identifies a person outside the platform.
create view person.population as
select p.id as person_id, p.sex, p.birth_date, p.death_date, p.org_unit_code, p.household, p.resident
from person.person p
where p.status = 'active' and p.org_unit_code is not null and p.org_unit_code <> '000000';

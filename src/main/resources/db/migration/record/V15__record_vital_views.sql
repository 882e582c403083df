-- record: the birth and death views as joins. The first version looked up a birth's weight and
-- gestational age and a death's cause and place with a subquery per row, each a scan of every
-- Observation of that code: quadratic, minutes for a district's ten years. Now each kind of
-- Observation is read once, its latest per Patient, and joined by hash. Same columns. A birth is now a
-- Patient with a mother or a birth weight: a gestational age alone is also measured at prenatal visits,
-- on the mother, who is no birth.
create or replace view record.birth as
select p.resource_id, p.person_id, p.patient_id, p.institution_code, p.sex, p.birth_date as date,
       p.mother_patient_id, m.person_id as mother_person_id, ga.value as gestational_weeks, bw.grams as birth_weight_g
from record.patient_fact p
left join record.patient_fact m on m.resource_id = p.mother_patient_id
left join (select distinct on (o.patient_id) o.patient_id, o.value
           from record.observation o
           where o.code in ('11884-4', '76516-4') and o.value is not null
           order by o.patient_id, o.effective_at desc nulls last) ga on ga.patient_id = p.patient_id
left join (select distinct on (o.patient_id) o.patient_id,
                  case when lower(o.unit) in ('kg') then o.value * 1000 else o.value end as grams
           from record.observation o
           where o.code = '8339-4' and o.value is not null
           order by o.patient_id, o.effective_at desc nulls last) bw on bw.patient_id = p.patient_id
where p.birth_date is not null
  and (p.mother_patient_id is not null
       or p.patient_id in (select o.patient_id from record.observation o where o.code = '8339-4'));

create or replace view record.death as
select p.resource_id, p.person_id, p.patient_id, p.institution_code, p.sex, p.birth_date,
       p.deceased_at, p.death_date as date, c.value_code as underlying_cause, pl.value_code as place
from record.patient_fact p
left join (select distinct on (o.patient_id) o.patient_id, o.value_code
           from record.observation o
           where o.code = '69453-9'
           order by o.patient_id, o.effective_at desc nulls last) c on c.patient_id = p.patient_id
left join (select distinct on (o.patient_id) o.patient_id, o.value_code
           from record.observation o
           where o.code = '58332-8'
           order by o.patient_id, o.effective_at desc nulls last) pl on pl.patient_id = p.patient_id
where p.death_date is not null;

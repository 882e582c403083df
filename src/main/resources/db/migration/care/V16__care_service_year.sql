-- care: the public-health services of each person and year (服务汇总), rebuilt from record.encounter at
-- each computation of the indicators, in the same transaction as the values it gives: the program
-- queries read this narrow table instead of scanning every encounter again, and the drill-down reads
-- the same snapshot as the values it opens.
create table care.service_year (
    person_id      bigint not null,
    service        text   not null,        -- encounter-type code: htn-followup, health-check, child-check …
    year           int    not null,
    visits         bigint not null,
    first_date     date   not null,
    last_date      date   not null,
    last_encounter text   not null         -- the year's latest visit (its measurements judge control)
);
create index service_year_service on care.service_year (service, year);

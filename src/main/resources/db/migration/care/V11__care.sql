-- care: record-based indicators. Each value is computed by SQL from the person index and the record
-- projections (care.indicator), per indicator, org unit (street, district, …) and year, and kept with
-- its numerator and denominator so a figure can be opened down to the people behind it.
create schema if not exists care;

create table care.indicator_value (
    indicator     text    not null,          -- catalogue code (indicators/catalog.yaml)
    org_unit_code text    not null,
    year          int     not null,
    numerator     numeric,
    denominator   numeric,
    value         numeric,                   -- n / d × factor, or the life table's e0, 30q70 …
    computed_at   timestamptz not null default now(),
    primary key (indicator, org_unit_code, year)
);

-- one row per region: when its values were last computed and from which state of the records
create table care.computation (
    region_code        text primary key,
    computed_at        timestamptz not null,
    records_changed_at timestamptz,
    seconds            numeric
);

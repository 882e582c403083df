-- indicator: data elements, values, indicators, plans with baselines and targets
create schema if not exists indicator;

create table indicator.data_element (
    code        text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        text not null,
    name_en     text not null,
    source      text not null check (source in ('registry', 'entry', 'records')),
    aggregation text not null check (aggregation in ('sum', 'none')),
    min_value   numeric,
    max_value   numeric
);

create table indicator.indicator (
    code        text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        text not null,
    name_en     text not null,
    category    text not null,
    numerator   text not null,
    denominator text not null,
    factor      numeric not null check (factor > 0),
    decimals    int not null check (decimals between 0 and 6),
    direction   text not null check (direction in ('higher', 'lower')),
    definition  text
);

-- the data elements an indicator's expressions use, so the database can check them
create table indicator.indicator_element (
    indicator_code    text not null references indicator.indicator (code) on delete cascade,
    data_element_code text not null references indicator.data_element (code),
    primary key (indicator_code, data_element_code)
);

create table indicator.plan (
    id            text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
    name          text not null,
    name_en       text not null,
    region_code   text not null references registry.org_unit (code),
    baseline_year int  not null,
    target_year   int  not null check (target_year > baseline_year),
    source        text,
    table_title   text,
    loaded_at     timestamptz not null default now()
);

create table indicator.plan_row (
    plan_id          text not null references indicator.plan (id) on delete cascade,
    position         int  not null,
    no               text,
    category         text,
    category_en      text,
    name             text not null,
    name_en          text not null,
    unit             text,
    baseline         text,
    target           text,
    attribute        text not null check (attribute in ('expected', 'binding', 'not_stated')),
    direction        text check (direction in ('higher', 'lower')),
    reading          text,
    baseline_reading text,
    remark           text,
    primary key (plan_id, position)
);

create table indicator.plan_row_indicator (
    plan_id        text not null,
    position       int  not null,
    seq            int  not null,
    indicator_code text not null references indicator.indicator (code),
    primary key (plan_id, position, seq),
    foreign key (plan_id, position) references indicator.plan_row (plan_id, position) on delete cascade
);

-- values the plan itself prints: the baseline, and actuals of a review table
create table indicator.plan_value (
    plan_id  text not null,
    position int  not null,
    seq      int  not null,
    year     int  not null,
    value    numeric not null,
    printed  text not null,
    primary key (plan_id, position, seq, year),
    foreign key (plan_id, position) references indicator.plan_row (plan_id, position) on delete cascade
);

-- aggregate data values per (data element, org unit, period), one per source
create table indicator.data_value (
    data_element_code text not null references indicator.data_element (code),
    org_unit_code     text not null references registry.org_unit (code),
    period            text not null check (period ~ '^[0-9]{4}([0-9]{2}([0-9]{2})?|Q[1-4]|W[0-9]{2})?$'),
    source            text not null check (source in ('entry', 'demo', 'import')),
    value             numeric not null,
    stored_by         text not null,
    stored_at         timestamptz not null default now(),
    primary key (data_element_code, org_unit_code, period, source)
);
create index data_value_org_unit on indicator.data_value (org_unit_code, period);

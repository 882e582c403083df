-- registry: org units (GB/T 2260 and local street codes), institutions, their resources, population
create schema if not exists registry;

create table registry.org_unit (
    code        text primary key check (code ~ '^[0-9]{2,12}$'),
    name        text not null,
    name_en     text,
    kind        text not null check (kind in ('province', 'city', 'district', 'county_city', 'street', 'town',
                                              'community', 'village', 'outside')),
    parent_code text references registry.org_unit (code),
    -- materialised path of codes, '/44/4401/440106/', so a subtree is one prefix scan
    path        text not null unique,
    depth       int  not null
);
create index org_unit_parent on registry.org_unit (parent_code);
create index org_unit_path on registry.org_unit (path text_pattern_ops);

create table registry.institution (
    code          text primary key,
    name          text not null,
    type          text not null check (type in ('general_hospital', 'tcm_hospital', 'specialist_hospital',
        'mch_hospital', 'chc', 'chs_station', 'township_health_centre', 'village_clinic', 'clinic',
        'outpatient_department', 'cdc', 'specialist_disease_prevention', 'health_supervision',
        'emergency_centre', 'blood_station', 'health_education', 'nursing_home', 'childcare', 'other')),
    level         text not null check (level in ('tertiary', 'secondary', 'primary', 'unrated')),
    ownership     text not null check (ownership in ('public', 'private')),
    org_unit_code text not null references registry.org_unit (code)
);
create index institution_org_unit on registry.institution (org_unit_code);

create table registry.institution_department (
    institution_code text not null references registry.institution (code) on delete cascade,
    kind             text not null,
    primary key (institution_code, kind)
);

-- beds, staff by category and childcare places, per institution and year
create table registry.institution_resource (
    institution_code text not null references registry.institution (code) on delete cascade,
    year             int  not null check (year between 1949 and 2100),
    item             text not null check (item in ('beds', 'physicians', 'tcm_physicians', 'gps', 'nurses',
        'pharmacists', 'public_health_staff', 'public_health_physicians', 'psychiatrists', 'childcare_places')),
    count            int  not null check (count >= 0),
    primary key (institution_code, year, item)
);

create table registry.population (
    org_unit_code text not null references registry.org_unit (code),
    year          int  not null check (year between 1949 and 2100),
    count         bigint not null check (count >= 0),
    note          text,
    primary key (org_unit_code, year)
);

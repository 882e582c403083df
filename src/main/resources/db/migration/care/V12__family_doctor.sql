-- care: family-doctor contracting (家庭医生签约服务, the plans' "1+3+4" model): teams of a CHC (or
-- township hospital) serving a street, their members, and the residents' contracts. See
-- org.rhip.care.FamilyDoctorApi and REFERENCE.md §6.

-- `=` on bigint inside a GiST exclusion constraint (one contract in force per resident at a time).
-- Shipped with PostgreSQL (contrib) and trusted since PostgreSQL 13, so a database owner may create it.
create extension if not exists btree_gist;

create table care.family_doctor_team (
    id               bigserial primary key,
    code             text not null unique,
    name             text not null,
    institution_code text not null references registry.institution (code),  -- the CHC the team works from
    org_unit_code    text not null references registry.org_unit (code),     -- the street (town) it serves
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index family_doctor_team_org_unit on care.family_doctor_team (org_unit_code);
create index family_doctor_team_institution on care.family_doctor_team (institution_code);

-- staff, not residents: names in plain text (docs/decisions/0004 covers residents' identifiers)
create table care.family_doctor_team_member (
    team_id          bigint not null references care.family_doctor_team (id) on delete cascade,
    seq              int    not null,
    role             text   not null check (role in ('doctor', 'nurse', 'public-health', 'specialist')),
    name             text   not null,
    institution_code text references registry.institution (code),           -- a specialist's consortium hospital
    primary key (team_id, seq)
);

create table care.contract (
    id              bigserial primary key,
    contract_number text   not null unique,
    person_id       bigint not null,          -- person index (person.population); moved along on merges
    team_id         bigint not null references care.family_doctor_team (id),
    start_date      date   not null,
    end_date        date   not null,
    channel         text   not null check (channel in ('online', 'offline')),
    service_package text   not null check (service_package in ('basic', 'elderly', 'chronic', 'maternal-child',
                                                               'disabled', 'personalized')),
    status          text   not null default 'active' check (status in ('active', 'cancelled')),
    cancelled_on    date,                     -- the first day the contract is no longer in force
    cancel_reason   text,
    renewed_from    bigint references care.contract (id),
    key_tags        text[] not null default '{}',   -- declared: disabled, low-income, special-hardship
    moved_from      bigint,                   -- the person it belonged to before a merge (for an unmerge)
    created_by      text   not null,          -- user or API client name, 'system' for an import job
    cancelled_by    text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    -- the days it is (or was) in force: start to end, or to the day before its cancellation
    in_force        daterange generated always as
                        (daterange(start_date, least(end_date + 1, coalesce(cancelled_on, end_date + 1)), '[)')) stored,
    check (end_date >= start_date),
    check ((status = 'cancelled') = (cancelled_on is not null)),
    check (cancelled_on is null or (cancelled_on >= start_date and cancelled_on <= end_date + 1)),
    check (key_tags <@ array['disabled', 'low-income', 'special-hardship']),
    -- a resident has at most one contract in force on any day (the service checks first and names the
    -- field); deferrable, so that a file's batch may shorten one contract and fill the gap in any order
    constraint contract_one_in_force exclude using gist (person_id with =, in_force with &&) deferrable initially immediate
);
create index contract_person on care.contract (person_id, start_date);
create index contract_team on care.contract (team_id, start_date);
create index contract_renewed_from on care.contract (renewed_from) where renewed_from is not null;
create sequence care.contract_number_seq;

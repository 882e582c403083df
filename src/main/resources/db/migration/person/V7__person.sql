-- person: the whole-population index (全员人口) with one enterprise ID per person (一人一码).
-- Identifiers (ID number, name, phone, address) are stored SM4-encrypted (*_enc) with an HMAC-SM3
-- hash (*_hash) for lookup; the keys live outside the database.
create schema if not exists person;

create table person.person (
    id             bigserial primary key,
    id_number_hash text,                -- of the 18-character resident ID number (GB 11643)
    id_number_enc  bytea,
    name_hash      text,                -- of the normalised name
    name_enc       bytea,
    phone_hash     text,
    phone_enc      bytea,
    sex            text check (sex in ('0', '1', '2', '9')),  -- GB/T 2261.1
    birth_date     date,
    org_unit_code  text references registry.org_unit (code),   -- community / street / village of the address
    address_enc    bytea,
    household      boolean,             -- 户籍人口: registered household here
    resident       boolean,             -- 常住人口: lives here six months or more
    death_date     date,
    status         text not null default 'active' check (status in ('active', 'merged')),
    merged_into    bigint references person.person (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((status = 'merged') = (merged_into is not null)),
    check (death_date is null or birth_date is null or death_date >= birth_date)
);
create unique index person_id_number on person.person (id_number_hash) where status = 'active';
create index person_name on person.person (name_hash);
create index person_phone on person.person (phone_hash);
create index person_birth on person.person (birth_date);
create index person_org_unit on person.person (org_unit_code);

-- other documents: passport, Hong Kong/Macao and Taiwan travel permits, residence permits
create table person.document (
    person_id   bigint not null references person.person (id),
    type        text not null check (type in ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit',
                                              'foreign_permanent_residence', 'hk_macao_taiwan_residence', 'other')),
    number_hash text not null,
    number_enc  bytea not null,
    primary key (type, number_hash, person_id)
);
create index document_person on person.document (person_id);

-- every source identifier (an institution's patient number, a FHIR Patient resource) maps to one person
create table person.source_record (
    id               bigserial primary key,
    system           text not null,     -- institution code, identifier system URI, or 'Patient' for a FHIR resource id
    value            text not null,
    institution_code text references registry.institution (code),
    person_id        bigint not null references person.person (id),
    linked_by        text not null check (linked_by in ('new', 'source', 'id_number', 'document', 'probabilistic',
                                                        'review', 'merge', 'unmerge')),
    score            double precision,
    features_enc     bytea,             -- the demographics as received (encrypted JSON): for review and unmerge
    created_at       timestamptz not null default now(),
    unique (system, value)
);
create index source_record_person on person.source_record (person_id);

-- hashed blocking keys for probabilistic linkage (no plain name or phone here either)
create table person.blocking_key (
    key_hash  text not null,
    person_id bigint not null references person.person (id),
    primary key (key_hash, person_id)
);
create index blocking_key_person on person.blocking_key (person_id);

-- possible duplicates for a person to decide (the record was filed under a new person meanwhile)
create table person.review_item (
    id                  bigserial primary key,
    person_id           bigint not null references person.person (id),   -- the new person
    candidate_person_id bigint not null references person.person (id),   -- who it may be
    source_record_id    bigint references person.source_record (id),
    score               double precision not null,
    weights             jsonb not null,            -- per field: level and weight, no values
    status              text not null default 'open' check (status in ('open', 'same', 'different')),
    created_at          timestamptz not null default now(),
    decided_by          text,
    decided_at          timestamptz,
    note                text,
    unique (person_id, candidate_person_id)
);
create index review_item_open on person.review_item (status, created_at) where status = 'open';

-- the full history of linking, merging and unmerging
create table person.link_event (
    id               bigserial primary key,
    at               timestamptz not null default clock_timestamp(),
    actor            text not null,
    kind             text not null check (kind in ('create', 'link', 'merge', 'unmerge', 'review', 'update')),
    person_id        bigint not null,
    other_person_id  bigint,
    source_record_id bigint,
    score            double precision,
    reason           text,
    -- for a merge: the source records moved, so an unmerge can move exactly those back
    moved_sources    bigint[]
);
create index link_event_person on person.link_event (person_id, id);

-- Fellegi–Sunter m and u per field and level, estimated (EM) from the index's own source records;
-- the newest row is the model in use (none: the defaults of person.linkage.FellegiSunter)
create table person.linkage_model (
    id              bigserial primary key,
    estimated_at    timestamptz not null default now(),
    records         int not null,
    candidate_pairs bigint not null,
    match_share     double precision,
    model           jsonb not null      -- {"NAME": {"m": [...], "u": [...]}, ...}
);

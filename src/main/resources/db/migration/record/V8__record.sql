-- record: the clinical store (电子健康档案 / 电子病历). Every FHIR resource is kept as received
-- (jsonb, every version), and projected into narrow typed tables for analytics, which `reindex`
-- rebuilds from the jsonb. See docs/records.md.
create schema if not exists record;

-- the current version of every resource. A Patient's jsonb holds no identifying element (no
-- identifier, name, telecom, address, contact, photo, narrative): the whole Patient as received is in
-- content_enc, SM4-encrypted; the person module holds its identifiers encrypted and hashed.
-- Indexes are few on purpose (bulk import COPYs millions of rows): the key, and the Patient a resource
-- is about. Searches by date or code go through the Patient, analytics through the projections.
create table record.resource (
    type             text not null,
    id               text not null,
    version_id       int  not null,
    last_updated     timestamptz not null,
    person_id        bigint,            -- the person (person module) the resource is about, if any
    patient_id       text,              -- the FHIR Patient it is about (a Patient: its own id)
    institution_code text,              -- the institution that sent it
    deleted          boolean not null default false,
    content_hash     text not null,     -- SHA-256 of the content as received: the same content again is no new version
    date_start       timestamptz,       -- the clinical date searched by `date` (a Patient: its birth date)
    date_end         timestamptz,
    status           text,
    codes            text[],            -- `code` search tokens: 'system|code' and 'code'
    content          jsonb,             -- null when deleted
    content_enc      bytea,             -- Patients only
    primary key (type, id)
);
create index resource_patient on record.resource (patient_id, type);

-- every version (vread, _history). The content of the current version is not kept twice: its row
-- here has null content, which is in record.resource; when a version is replaced, its content moves
-- here. A deleted version has no content either (deleted = true).
create table record.resource_history (
    type             text not null,
    id               text not null,
    version_id       int  not null,
    last_updated     timestamptz not null,
    institution_code text,
    deleted          boolean not null default false,
    content          jsonb,
    content_enc      bytea,
    primary key (type, id, version_id)
);

-- identifiers of the current versions, for conditional create (If-None-Exist: identifier=system|value),
-- conditional references and `identifier` search. A Patient's values (and its name parts, system
-- 'urn:rhip:name') are HMAC-SM3 hashes (security.IdentifierHash), never the value.
create table record.resource_identifier (
    type   text not null,
    system text not null,              -- '' when the identifier has none
    value  text not null,
    id     text not null,
    primary key (type, system, value, id)
);
create index resource_identifier_resource on record.resource_identifier (type, id);

-- projections. Every row carries the resource, the FHIR Patient, the person and the (China) date, so
-- indicator SQL can group by the person's street and the year.

-- 门诊 AMB / 住院 IMP / 急诊 EMER / 家庭访视 HH / 基本公共卫生服务 (type code phs, docs/records.md)
create table record.encounter (
    resource_id      text primary key,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    class_code       text,
    kind             text not null check (kind in ('outpatient', 'inpatient', 'emergency', 'home', 'public_health', 'other')),
    type_code        text,
    status           text,
    start_at         timestamptz,
    end_at           timestamptz,
    date             date,
    bed_days         int                -- inpatient: discharge day − admission day (China dates)
);
create index encounter_person on record.encounter (person_id, date);
create index encounter_date on record.encounter (date, kind);

-- diagnoses: Conditions (seq 0), and Conditions contained in an Encounter (source_type Encounter,
-- seq = the index of the contained resource)
create table record.diagnosis (
    source_type         text not null check (source_type in ('Condition', 'Encounter')),
    resource_id         text not null,
    seq                 int  not null,
    person_id           bigint,
    patient_id          text,
    institution_code    text,
    system              text,
    code                text,
    icd10               text,              -- the code when the system is an ICD-10 variant (upper case)
    encounter_id        text,
    clinical_status     text,
    verification_status text,
    date                date,              -- onset, else recorded date
    primary key (source_type, resource_id, seq)
);
create index diagnosis_icd10 on record.diagnosis (icd10, date);
create index diagnosis_person on record.diagnosis (person_id, date);

-- Encounter.diagnosis: which condition was the encounter's (principal, admission, discharge …) diagnosis
create table record.encounter_diagnosis (
    encounter_id  text not null,
    seq           int  not null,
    person_id     bigint,
    patient_id    text,
    condition_ref text,                   -- 'Condition/x', or '#c1' for a contained one
    use_code      text,
    rank          int,
    date          date,
    primary key (encounter_id, seq)
);

-- one row per value: a blood-pressure panel gives its systolic and diastolic components
create table record.observation (
    resource_id      text not null,
    seq              int  not null,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    system           text,
    code             text,
    panel_code       text,              -- the Observation's own code when this row is a component
    value            numeric,
    unit             text,
    value_code       text,              -- a coded value's code, or a string value
    status           text,
    effective_at     timestamptz,
    date             date,
    encounter_id     text,
    primary key (resource_id, seq)
);
create index observation_code on record.observation (code, date);
create index observation_person on record.observation (person_id, code, date);

create table record.immunization (
    resource_id           text primary key,
    person_id             bigint,
    patient_id            text,
    institution_code      text,
    vaccine_system        text,
    vaccine_code          text,
    dose_number           int,
    status                text,
    date                  date,
    performer_institution text
);
create index immunization_person on record.immunization (person_id, vaccine_code);
create index immunization_date on record.immunization (date, vaccine_code);

-- MedicationRequest, MedicationStatement, MedicationAdministration
create table record.medication (
    resource_type    text not null,
    resource_id      text not null,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    system           text,
    code             text,
    status           text,
    date             date,
    encounter_id     text,
    primary key (resource_type, resource_id)
);
create index medication_person on record.medication (person_id, date);

create table record.procedure (
    resource_id      text primary key,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    system           text,
    code             text,
    status           text,
    date             date,
    encounter_id     text
);
create index procedure_person on record.procedure (person_id, date);

-- DiagnosticReport: lab (LAB), imaging (RAD), ECG (EC), pathology (PAT)
create table record.report (
    resource_id      text primary key,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    category         text not null check (category in ('lab', 'imaging', 'ecg', 'pathology', 'other')),
    system           text,
    code             text,
    status           text,
    date             date,
    encounter_id     text
);
create index report_person on record.report (person_id, date);

create table record.allergy (
    resource_id      text primary key,
    person_id        bigint,
    patient_id       text,
    institution_code text,
    system           text,
    code             text,
    category         text,
    criticality      text,
    clinical_status  text,
    date             date
);
create index allergy_person on record.allergy (person_id);

-- the non-identifying facts of a Patient: sex, birth and death, the mother of a newborn
create table record.patient_fact (
    resource_id       text primary key,
    person_id         bigint,
    patient_id        text,
    institution_code  text,
    sex               text,              -- FHIR gender
    birth_date        date,
    deceased_at       timestamptz,
    death_date        date,
    mother_patient_id text,              -- extension http://rhip.org.cn/fhir/StructureDefinition/mother
    date              date               -- the birth date
);
create index patient_fact_person on record.patient_fact (person_id);
create index patient_fact_birth on record.patient_fact (birth_date);
create index patient_fact_death on record.patient_fact (death_date) where death_date is not null;

-- vital events, always current: a birth is a newborn Patient with a mother, a birth weight
-- (LOINC 8339-4) or a gestational age (11884-4, 76516-4); a death is a Patient with
-- deceasedDateTime, its underlying cause (69453-9, ICD-10) and place (58332-8)
create view record.birth as
select p.resource_id, p.person_id, p.patient_id, p.institution_code, p.sex, p.birth_date as date,
       p.mother_patient_id, m.person_id as mother_person_id,
       (select o.value from record.observation o
         where o.patient_id = p.patient_id and o.code in ('11884-4', '76516-4') and o.value is not null
         order by o.effective_at desc nulls last limit 1) as gestational_weeks,
       (select case when lower(o.unit) in ('kg') then o.value * 1000 else o.value end from record.observation o
         where o.patient_id = p.patient_id and o.code = '8339-4' and o.value is not null
         order by o.effective_at desc nulls last limit 1) as birth_weight_g
from record.patient_fact p
left join record.patient_fact m on m.resource_id = p.mother_patient_id
where p.birth_date is not null
  and (p.mother_patient_id is not null
       or exists (select 1 from record.observation o
                  where o.patient_id = p.patient_id and o.code in ('8339-4', '11884-4', '76516-4')));

create view record.death as
select p.resource_id, p.person_id, p.patient_id, p.institution_code, p.sex, p.birth_date,
       p.deceased_at, p.death_date as date,
       (select o.value_code from record.observation o
         where o.patient_id = p.patient_id and o.code = '69453-9'
         order by o.effective_at desc nulls last limit 1) as underlying_cause,
       (select o.value_code from record.observation o
         where o.patient_id = p.patient_id and o.code = '58332-8'
         order by o.effective_at desc nulls last limit 1) as place
from record.patient_fact p
where p.death_date is not null;

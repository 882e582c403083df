-- surveillance: notifiable diseases, case report cards, sentinel counts, detector alarms, signals,
-- graded multi-point alerts and the response to each signal
create schema if not exists surveillance;

create table surveillance.disease (
    code    text primary key,
    name    text not null,
    name_en text not null,
    icd10   text[] not null default '{}'
);

-- class and management per period of validity: the list changes by law (REFERENCE.md §3)
create table surveillance.disease_listing (
    disease_code  text not null references surveillance.disease (code) on delete cascade,
    valid_from    date not null,
    valid_to      date,
    class         text not null check (class in ('A', 'B', 'C')),
    managed_as_a  boolean not null default false,
    primary key (disease_code, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);

create table surveillance.sentinel_source (
    code text primary key, name text not null, name_en text not null
);
create table surveillance.syndrome (
    code text primary key, name text not null, name_en text not null
);

-- 传染病报告卡. The card holds no readable identifier: the patient's ID number is kept only as a
-- keyed hash (HMAC-SM3), enough to find the same person reported twice.
create table surveillance.case_report (
    id                    bigserial primary key,
    card_no               text not null unique,
    status                text not null check (status in ('draft', 'active', 'deleted')),
    version               int  not null default 1,
    disease_code          text not null references surveillance.disease (code),
    classification        text not null check (classification in ('suspected', 'clinical', 'confirmed', 'carrier')),
    id_hash               text,
    sex                   text not null check (sex in ('male', 'female', 'unknown')),
    age_years             int  check (age_years between 0 and 150),
    occupation            text,
    org_unit_code         text not null references registry.org_unit (code),
    onset_date            date,
    diagnosis_time        timestamptz not null,
    report_time           timestamptz,
    -- the China date of the report: what the case series count by
    report_day            date generated always as ((report_time at time zone 'Asia/Shanghai')::date) stored,
    institution_code      text not null references registry.institution (code),
    doctor                text,
    -- limit in hours that applied (2 or 24), and whether the card came within it
    report_limit_hours    int not null,
    on_time               boolean,
    duplicate_of          bigint references surveillance.case_report (id),
    created_by            text not null,
    updated_at            timestamptz not null default now(),
    -- dates are China dates whatever the session's time zone
    check (onset_date is null or onset_date <= (diagnosis_time at time zone 'Asia/Shanghai')::date),
    check (report_time is null or report_time >= diagnosis_time - interval '1 minute')
);
create index case_report_series on surveillance.case_report (org_unit_code, report_day, disease_code)
    where status = 'active' and duplicate_of is null;
create index case_report_person on surveillance.case_report (id_hash, disease_code) where id_hash is not null;

-- 订正 and deletion keep every earlier version of a card
create table surveillance.case_report_history (
    card_id    bigint not null references surveillance.case_report (id),
    version    int not null,
    action     text not null check (action in ('draft', 'report', 'confirm', 'revise', 'delete')),
    actor      text not null,
    at         timestamptz not null default now(),
    reason     text,
    snapshot   jsonb not null,
    primary key (card_id, version)
);

create table surveillance.sentinel_count (
    source_code   text not null references surveillance.sentinel_source (code),
    syndrome_code text not null references surveillance.syndrome (code),
    org_unit_code text not null references registry.org_unit (code),
    day           date not null,
    count         int  not null check (count >= 0),
    received_at   timestamptz not null default now(),
    primary key (source_code, syndrome_code, org_unit_code, day)
);

-- A signal: the alarms of one series close together in time, followed up as one thing.
create table surveillance.signal (
    id                bigserial primary key,
    stream            text not null,
    subject           text not null,
    org_unit_code     text not null references registry.org_unit (code),
    first_day         date not null,
    last_day          date not null,
    class_a           boolean not null default false,
    status            text not null default 'new' check (status in ('new', 'verifying', 'excluded',
                          'suspected_event', 'confirmed_event', 'closed')),
    raised_at         timestamptz not null default now(),
    first_response_at timestamptz,
    closed_at         timestamptz
);
create index signal_series on surveillance.signal (stream, subject, org_unit_code, last_day);
create index signal_status on surveillance.signal (status, last_day);

-- One alarm: a detector's threshold exceeded by one point of the signal's series (weekly points are
-- dated by their Monday). Re-running detection over the same days finds the same alarms and skips
-- them, so nothing is counted twice. A district-year with every method gives ~160,000, written by
-- COPY in the transaction that writes their signals: the row is kept narrow (the series is on the
-- signal) and without foreign keys, whose per-row checks cost more than the rest of the write.
create table surveillance.alarm (
    signal_id bigint not null,
    method    text not null,
    frequency text not null check (frequency in ('daily', 'weekly')),
    day       date not null,
    count     int not null,
    threshold double precision,
    primary key (signal_id, method, frequency, day)
);

-- what was done on a signal, by whom and when: the response timeline
create table surveillance.signal_event (
    id          bigserial primary key,
    signal_id   bigint not null references surveillance.signal (id) on delete cascade,
    at          timestamptz not null default now(),
    actor       text not null,
    action      text not null,
    from_status text,
    to_status   text,
    note        text
);
create index signal_event_signal on surveillance.signal_event (signal_id, at);

-- 多点触发: signals of independent sources about one disease group in one place and time
create table surveillance.alert (
    id            bigserial primary key,
    group_code    text not null,
    org_unit_code text not null references registry.org_unit (code),
    first_day     date not null,
    last_day      date not null,
    level         text not null check (level in ('blue', 'yellow', 'orange', 'red')),
    sources       text[] not null,
    raised_at     timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index alert_place on surveillance.alert (group_code, org_unit_code, last_day);
-- a street's signal belongs to its street's alert and to its district's
create table surveillance.alert_signal (
    alert_id  bigint not null references surveillance.alert (id) on delete cascade,
    signal_id bigint not null references surveillance.signal (id) on delete cascade,
    primary key (alert_id, signal_id)
);
create index alert_signal_signal on surveillance.alert_signal (signal_id);

-- a message to an epidemiologist in the console; webhook deliveries are logged beside it
create table surveillance.notification (
    id         bigserial primary key,
    recipient  text not null,
    signal_id  bigint not null references surveillance.signal (id) on delete cascade,
    message    text not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_recipient on surveillance.notification (recipient, read_at);

create table surveillance.webhook_delivery (
    id         bigserial primary key,
    signal_id  bigint not null references surveillance.signal (id) on delete cascade,
    url        text not null,
    status     int,
    error      text,
    at         timestamptz not null default now()
);

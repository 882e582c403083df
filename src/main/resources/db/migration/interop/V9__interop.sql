-- interop: bulk import jobs (NDJSON, Bundle JSON, CSV templates) with their files, progress and the
-- records they rejected. One batch is committed per transaction together with the file's committed
-- line, so a job resumes after a crash from the last committed batch. No personal data here: a
-- rejection names its line, resource type, id, element or column, and the reason.
create schema if not exists interop;

create table interop.import_job (
    id               bigserial primary key,
    created_by       text not null,            -- user or API client name ('cli' from the command line)
    via              text not null check (via in ('cli', 'api')),
    institution_code text references registry.institution (code),
    -- rows may name only this institution (an API client of one institution imported it)
    institution_only boolean not null default false,
    batch_size       int not null check (batch_size between 1 and 100000),
    status           text not null default 'queued'
                     check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
    message          text,                     -- why it failed, in one line
    read_count       bigint not null default 0,
    created_count    bigint not null default 0,
    updated_count    bigint not null default 0,
    unchanged_count  bigint not null default 0,
    rejected_count   bigint not null default 0,
    -- where the running time went: waiting for parsed batches, and inside the record store
    parse_wait_ms    bigint not null default 0,
    store_ms         bigint not null default 0,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
create index import_job_owner on interop.import_job (created_by, id desc);
create index import_job_open on interop.import_job (status) where status in ('queued', 'running');

create table interop.import_file (
    job_id      bigint not null references interop.import_job (id) on delete cascade,
    file_no     int not null,
    name        text not null,                 -- the name it was given (no directories for uploads)
    path        text not null,                 -- where it is read from (the upload store or the CLI's path)
    format      text not null,                 -- ndjson, bundle, csv-patients, …
    bytes_total bigint not null,
    bytes_done  bigint not null default 0,
    lines_done  bigint not null default 0,     -- last line (Bundle: entry) committed; a resumed job starts after it
    status      text not null default 'pending' check (status in ('pending', 'reading', 'done', 'refused')),
    primary key (job_id, file_no)
);

create table interop.import_rejection (
    job_id        bigint not null,
    file_no       int not null,
    line          bigint not null,             -- line of the file (Bundle: entry number; 0: the whole file)
    resource_type text,
    resource_id   text,
    path          text,                        -- FHIR element or CSV column
    reason        text not null,
    foreign key (job_id, file_no) references interop.import_file (job_id, file_no) on delete cascade
);
create index import_rejection_job on interop.import_rejection (job_id, file_no, line);

-- the Patient each CSV patient key (an institution's patient number or a resident ID number, both
-- HMAC-hashed) was imported as, so a later file naming the patient by either key finds it
create table interop.csv_patient (
    institution_code text not null,
    kind             text not null check (kind in ('number', 'id')),
    key_hash         text not null,
    patient_id       text not null,
    primary key (institution_code, kind, key_hash)
);

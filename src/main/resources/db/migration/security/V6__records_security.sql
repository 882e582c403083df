-- Person records: who may see them (doctor role), which institution an API client writes for,
-- and the append-only audit trail of every read, export and unmasking of a person's record.
alter table security.app_user drop constraint app_user_role_check;
alter table security.app_user add constraint app_user_role_check
    check (role in ('admin', 'analyst', 'clerk', 'epidemiologist', 'doctor'));
alter table security.api_client drop constraint api_client_role_check;
alter table security.api_client add constraint api_client_role_check
    check (role in ('admin', 'analyst', 'clerk', 'epidemiologist', 'doctor'));

-- an API client of a hospital or CHC writes only that institution's records
alter table security.api_client add column institution_code text references registry.institution (code);

create table security.audit_event (
    id         bigserial primary key,
    at         timestamptz not null default clock_timestamp(),
    actor      text not null,            -- user name or API client name, never a person's identifier
    actor_kind text not null check (actor_kind in ('user', 'client', 'system')),
    action     text not null check (action in ('read', 'search', 'export', 'unmask', 'merge', 'unmerge',
                                               'link', 'review', 'drill_down')),
    person_id  bigint,                   -- the enterprise person id read (null: a search listing many)
    what       text not null,            -- e.g. 'Patient/123/$everything', 'timeline', 'review 17'
    purpose    text                      -- the reason given (required to unmask)
);
create index audit_event_person on security.audit_event (person_id, at);
create index audit_event_actor on security.audit_event (actor, at);

-- append-only: no update, delete or truncate, whoever asks
create function security.audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'security.audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on security.audit_event
    for each row execute function security.audit_is_append_only();
create trigger audit_event_no_truncate before truncate on security.audit_event
    for each statement execute function security.audit_is_append_only();

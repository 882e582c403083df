-- care: reminders sent from a worklist (提醒) — who was reminded of which due service, how and by whom.
-- The message itself is not kept: it would carry the person's name.
create table care.reminder (
    id         bigserial primary key,
    person_id  bigint not null,
    service    text   not null,
    due_date   date   not null,
    channel    text   not null check (channel in ('sms', 'phone', 'app', 'in-person')),
    sent_by    text   not null,
    sent_at    timestamptz not null default now()
);
create index reminder_person on care.reminder (person_id, service, due_date);

-- security: console users, API clients
create schema if not exists security;

create table security.app_user (
    username      text primary key check (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
    display_name  text not null,
    password_hash text not null,
    role          text not null check (role in ('admin', 'analyst', 'clerk')),
    -- a clerk enters data for this org unit and everything below it; null = whole platform
    org_unit_code text references registry.org_unit (code),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now(),
    check (role <> 'clerk' or org_unit_code is not null)
);

create table security.api_client (
    id            bigserial primary key,
    client        text not null unique,
    token_hash    text not null unique,
    role          text not null check (role in ('admin', 'analyst', 'clerk')),
    org_unit_code text references registry.org_unit (code),
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz,
    check (role <> 'clerk' or org_unit_code is not null)
);

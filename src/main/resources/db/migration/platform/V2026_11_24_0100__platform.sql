-- Spring Modulith JDBC event publication registry: the outbox between modules.
create table event_publication (
  id                     uuid not null primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table platform_idempotency_key (
  tenant_id     bigint      not null,
  idem_key      text        not null,
  method        text        not null,
  path          text        not null,
  request_hash  text        not null,
  status        int,
  content_type  text,
  location      text,
  body          bytea,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, idem_key)
);
create index platform_idempotency_key_created_idx on platform_idempotency_key (created_at);

create table platform_job (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null,
  kind         text        not null,
  status       text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  total        bigint      not null default 0,
  processed    bigint      not null default 0,
  error_count  int         not null default 0,
  errors       jsonb,
  message      text,
  created_by   text        not null,
  created_at   timestamptz not null,
  started_at   timestamptz,
  finished_at  timestamptz
);
create index platform_job_tenant_idx on platform_job (tenant_id, id desc);

create table tenant (
  id          bigint generated always as identity primary key,
  name        text        not null,
  currency    text        not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  time_zone   text        not null default 'Asia/Shanghai',
  created_at  timestamptz not null default now()
);

create table tenant_api_key (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null references tenant (id),
  name         text        not null,
  prefix       text        not null,
  secret_hash  text        not null unique,
  scopes       text[]      not null,
  created_by   text        not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index tenant_api_key_tenant_idx on tenant_api_key (tenant_id, id desc);

create table tenant_user (
  id            bigint generated always as identity primary key,
  tenant_id     bigint      not null references tenant (id),
  username      text        not null,
  display_name  text        not null,
  password_hash text        not null,
  role          text        not null check (role in ('OWNER', 'OPERATOR', 'ANALYST', 'STORE_STAFF')),
  enabled       boolean     not null default true,
  created_at    timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index tenant_user_username_idx on tenant_user (lower(username));
create index tenant_user_tenant_idx on tenant_user (tenant_id, id desc);

create table tenant_audit_log (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null references tenant (id),
  actor        text        not null,
  action       text        not null,
  target_type  text        not null,
  target_id    text,
  before_state jsonb,
  after_state  jsonb,
  at           timestamptz not null default now()
);
create index tenant_audit_log_tenant_idx on tenant_audit_log (tenant_id, id desc);

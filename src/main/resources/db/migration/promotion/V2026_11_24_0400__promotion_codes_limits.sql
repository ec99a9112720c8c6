-- Promotions: generic limits with atomic counters, and coupon codes. Every row carries tenant_id.

-- One limit: at most max_amount of <measure> per <per> subject per <period>.
create table promotion_limit (
  id          bigint generated always as identity primary key,
  tenant_id   bigint      not null,
  measure     text        not null check (measure in ('DISCOUNT_AMOUNT', 'REDEMPTIONS', 'COUPONS_ISSUED', 'POINTS_ISSUED')),
  per         text        not null check (per in ('CAMPAIGN', 'COUPON', 'CUSTOMER', 'STORE', 'DEVICE')),
  period      text        not null check (period in ('TOTAL', 'DAY', 'WEEK', 'MONTH')),
  max_amount  bigint      not null check (max_amount >= 0),
  created_at  timestamptz not null default now(),
  unique (tenant_id, id)
);

-- What a limit has used for one subject in one period; period_start is the local date the period
-- began in the tenant's time zone (1970-01-01 for TOTAL).
create table promotion_limit_counter (
  id            bigint generated always as identity primary key,
  tenant_id     bigint not null,
  limit_id      bigint not null,
  subject       text   not null,
  period_start  date   not null,
  used          bigint not null check (used >= 0),
  unique (tenant_id, limit_id, subject, period_start),
  foreign key (tenant_id, limit_id) references promotion_limit (tenant_id, id)
);

-- One row per consuming operation and limit: a retried reserve hits the key and counts nothing;
-- released_at makes a release happen once.
create table promotion_limit_consumption (
  id            bigint generated always as identity primary key,
  tenant_id     bigint      not null,
  operation_id  text        not null,
  limit_id      bigint      not null,
  subject       text        not null,
  period_start  date        not null,
  amount        bigint      not null check (amount > 0),
  consumed_at   timestamptz not null,
  released_at   timestamptz,
  unique (tenant_id, operation_id, limit_id),
  foreign key (tenant_id, limit_id) references promotion_limit (tenant_id, id)
);

create table promotion_code_batch (
  id               bigint generated always as identity primary key,
  tenant_id        bigint      not null,
  name             text        not null,
  pattern          text,                           -- null for imported external codes
  requested_count  int         not null check (requested_count > 0),
  source           text        not null check (source in ('GENERATED', 'IMPORTED')),
  status           text        not null check (status in ('GENERATING', 'READY', 'FAILED')),
  job_id           bigint,
  created_by       text        not null,
  created_at       timestamptz not null,
  unique (tenant_id, id)
);

-- Codes are stored upper-case; checked = the code ends with our check character (generated codes).
create table promotion_code (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null,
  batch_id     bigint      not null,
  code         text        not null,
  checked      boolean     not null,
  state        text        not null default 'AVAILABLE' check (state in ('AVAILABLE', 'ISSUED', 'REDEEMED', 'VOID')),
  customer_id  text,
  issued_at    timestamptz,
  redeemed_at  timestamptz,
  created_at   timestamptz not null default now(),
  -- no foreign key to the batch: only CouponCodeBatches writes batch_id, and a per-row FK trigger
  -- would slow bulk COPY of a million codes noticeably
  constraint promotion_code_upper check (code = upper(code))
);
create unique index promotion_code_code_idx on promotion_code (tenant_id, code);
create index promotion_code_batch_idx on promotion_code (tenant_id, batch_id, id);
-- Imported external codes carry no check character; lookups of codes failing the check probe only these.
create index promotion_code_external_idx on promotion_code (tenant_id, code) where not checked;

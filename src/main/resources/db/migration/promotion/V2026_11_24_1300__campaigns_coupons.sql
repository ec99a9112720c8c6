-- Campaigns (automatic promotions and coupon templates alike), their audiences and limits, and the
-- coupons customers hold. Every row carries tenant_id.

-- One campaign. kind AUTOMATIC applies by itself when its rules match; kind COUPON is a coupon template
-- whose rule (a COUPON-stage rule type) applies only through a coupon a customer holds.
-- status is what the operator decided (DRAFT, ACTIVE, PAUSED, ENDED, ARCHIVED); whether an ACTIVE
-- campaign is SCHEDULED, RUNNING or ENDED follows from its schedule and the clock (see CampaignState).
create table promotion_campaign (
  id                   bigint generated always as identity primary key,
  tenant_id            bigint      not null,
  name                 text        not null,
  description          text,
  kind                 text        not null check (kind in ('AUTOMATIC', 'COUPON')),
  rule_type            text        not null,
  config               jsonb       not null,
  status               text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED', 'ARCHIVED')),
  priority             int         not null default 0,
  stacking             text        not null check (stacking in ('EXCLUSIVE', 'COMMON', 'ALWAYS')),
  stack_group          text,
  percent_base         text        not null check (percent_base in ('CASCADING', 'INITIAL')),
  starts_at            timestamptz,
  ends_at              timestamptz,
  time_zone            text        not null, -- the tenant's unless set explicitly
  windows              jsonb       not null default '[]',   -- recurring weekday/hour windows
  audience             jsonb       not null default '{"kind":"EVERYONE"}',
  scope                jsonb       not null default '{}',   -- skus, categories, brands, excludes
  tiers                text[]      not null default '{}',  -- customer tiers allowed; empty = all
  channels             text[]      not null default '{}',
  stores               text[]      not null default '{}',
  refund_policy        text        not null default 'KEEP' check (refund_policy in ('KEEP', 'REVERT')),
  -- coupon templates only
  validity_kind        text check (validity_kind in ('FIXED', 'RELATIVE')),
  valid_from           timestamptz,
  valid_until          timestamptz,
  valid_days           int check (valid_days > 0),
  claim_total_limit    int check (claim_total_limit >= 0),
  claim_per_customer   int check (claim_per_customer > 0),
  claimable            boolean     not null default false,  -- listed in the coupon centre
  issued_count         int         not null default 0 check (issued_count >= 0),
  version              int         not null default 1,
  created_by           text        not null,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  unique (tenant_id, id),
  check (starts_at is null or ends_at is null or starts_at < ends_at),
  check (claim_total_limit is null or issued_count <= claim_total_limit)
);
create index promotion_campaign_live_idx on promotion_campaign (tenant_id, status) where status in ('ACTIVE', 'PAUSED');

-- The generic limits (budgets) a campaign consumes: e.g. discount amount per campaign in total,
-- redemptions per customer per day. The counters live in promotion_limit_counter.
create table promotion_campaign_limit (
  tenant_id    bigint not null,
  campaign_id  bigint not null,
  limit_id     bigint not null,
  primary key (tenant_id, campaign_id, limit_id),
  foreign key (tenant_id, campaign_id) references promotion_campaign (tenant_id, id),
  foreign key (tenant_id, limit_id) references promotion_limit (tenant_id, id)
);

-- Explicit audience lists: the merchant's customer ids.
create table promotion_audience_customer (
  tenant_id    bigint not null,
  campaign_id  bigint not null,
  customer_id  text   not null,
  primary key (tenant_id, campaign_id, customer_id),
  foreign key (tenant_id, campaign_id) references promotion_campaign (tenant_id, id)
);

-- A coupon a customer holds (or, for unclaimed codes, will hold). state moves
-- AVAILABLE -> LOCKED (an order reserved it) -> REDEEMED (paid) or back to AVAILABLE / EXPIRED (released).
create table promotion_coupon (
  id            bigint generated always as identity primary key,
  tenant_id     bigint      not null,
  campaign_id   bigint      not null,
  customer_id   text        not null,
  code          text,                               -- the code it was redeemed from, if any
  source        text        not null check (source in ('CLAIM', 'ISSUE', 'CODE')),
  state         text        not null check (state in ('AVAILABLE', 'LOCKED', 'REDEEMED', 'EXPIRED', 'VOID')),
  valid_from    timestamptz not null,
  expires_at    timestamptz not null,
  order_id      text,                               -- the order holding or having used it
  claim_no      int         not null,               -- 1..claim_per_customer: backs the per-customer limit
  issued_at     timestamptz not null,
  updated_at    timestamptz not null,
  unique (tenant_id, id),
  unique (tenant_id, campaign_id, customer_id, claim_no),
  foreign key (tenant_id, campaign_id) references promotion_campaign (tenant_id, id)
);
create index promotion_coupon_wallet_idx on promotion_coupon (tenant_id, customer_id, state);
create index promotion_coupon_order_idx on promotion_coupon (tenant_id, order_id) where order_id is not null;
create unique index promotion_coupon_code_idx on promotion_coupon (tenant_id, code) where code is not null;

-- Coupon code batches belong to a coupon template once linked.
alter table promotion_code_batch add column campaign_id bigint;

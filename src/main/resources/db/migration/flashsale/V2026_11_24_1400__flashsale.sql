-- Flash sales (秒杀): sessions, items, reservations, and the rows that let PostgreSQL itself refuse an
-- oversell or a per-customer limit violation even if a node's memory were wrong. See docs/flash-sale.md.

-- A named time slot. Visible to shoppers from preheat_at (or from publishing when null), purchasable
-- only in [starts_at, ends_at). time_zone is the zone the operator planned the slot in (for display).
create table flashsale_session (
  id                 bigint generated always as identity primary key,
  tenant_id          bigint      not null,
  name               text        not null,
  starts_at          timestamptz not null,
  ends_at            timestamptz not null,
  time_zone          text        not null,
  preheat_at         timestamptz,
  per_customer_limit int check (per_customer_limit > 0),  -- units per customer over all items; null = none
  status             text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
  version            int         not null default 1,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  check (ends_at > starts_at),
  check (preheat_at is null or preheat_at <= starts_at)
);
create index flashsale_session_by_tenant on flashsale_session (tenant_id, id desc);
create index flashsale_session_live on flashsale_session (ends_at) where status = 'PUBLISHED';

-- One SKU on sale in a session. Stock accounting, always in units:
--   reserved  units held by RESERVED reservations (awaiting payment)
--   sold      units of CONFIRMED reservations
--   leased    units handed to nodes as stock segments and not sold yet (sum of flashsale_stock_lease.amount)
-- The check makes an oversell impossible whatever the nodes believe.
create table flashsale_item (
  id                 bigint generated always as identity primary key,
  tenant_id          bigint      not null,
  session_id         bigint      not null references flashsale_session (id),
  sku                text        not null,
  name               text        not null,
  original_price     bigint check (original_price >= 0),
  flash_price        bigint      not null check (flash_price >= 0),
  stock              int         not null check (stock >= 0),
  per_customer_limit int         not null check (per_customer_limit > 0),
  position           int         not null default 0,
  reserved           int         not null default 0 check (reserved >= 0),
  sold               int         not null default 0 check (sold >= 0),
  leased             int         not null default 0 check (leased >= 0),
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  unique (session_id, sku),
  constraint flashsale_item_no_oversell check (reserved + sold + leased <= stock)
);
create index flashsale_item_by_session on flashsale_item (tenant_id, session_id, position, id);

-- A stock segment a node may sell from without asking anyone: amount units still unsold. A node that
-- sells units lowers its amount and raises the item's reserved in the same transaction.
create table flashsale_stock_lease (
  id          bigint generated always as identity primary key,
  tenant_id   bigint      not null,
  item_id     bigint      not null references flashsale_item (id),
  node_id     text        not null,
  amount      int         not null constraint flashsale_stock_lease_no_overdraw check (amount >= 0),
  renewed_at  timestamptz not null,
  unique (item_id, node_id)
);

-- Ids are handed out by nodes in blocks of 1000 (one nextval per block), so a node can answer with
-- the id before the group commit that writes the row.
create sequence flashsale_reservation_id_seq increment by 1000 start with 1000;

create table flashsale_reservation (
  id            bigint      primary key,
  tenant_id     bigint      not null,
  session_id    bigint      not null references flashsale_session (id),
  item_id       bigint      not null references flashsale_item (id),
  customer_id   text        not null,
  quantity      int         not null check (quantity > 0),
  status        text        not null check (status in ('RESERVED', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
  order_id      text,
  request_key   text,       -- the Idempotency-Key it was created with
  node_id       text        not null,
  expires_at    timestamptz not null,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  confirmed_at  timestamptz,
  ended_at      timestamptz,  -- cancelled or expired
  ended_reason  text
);
create unique index flashsale_reservation_key on flashsale_reservation (tenant_id, request_key) where request_key is not null;
create index flashsale_reservation_by_session on flashsale_reservation (tenant_id, session_id, id desc);
create index flashsale_reservation_due on flashsale_reservation (expires_at) where status = 'RESERVED';
create index flashsale_reservation_by_order on flashsale_reservation (tenant_id, order_id) where order_id is not null;

-- Units a customer holds (RESERVED or CONFIRMED) of one item, and of one session when the session has
-- a per-customer limit: the checks are the database's own refusal of a limit violation.
create table flashsale_item_quota (
  id          bigint generated always as identity primary key,
  tenant_id   bigint not null,
  item_id     bigint not null references flashsale_item (id),
  customer_id text   not null,
  held        int    not null check (held >= 0),
  max_held    int    not null,
  unique (item_id, customer_id),
  constraint flashsale_item_quota_limit check (held <= max_held)
);

create table flashsale_session_quota (
  id          bigint generated always as identity primary key,
  tenant_id   bigint not null,
  session_id  bigint not null references flashsale_session (id),
  customer_id text   not null,
  held        int    not null check (held >= 0),
  max_held    int    not null,
  unique (session_id, customer_id),
  constraint flashsale_session_quota_limit check (held <= max_held)
);

-- Commerce intake: the merchant's catalog, stores, customers and orders. Every row carries tenant_id.
-- Amounts are bigint minor units (fen); currency is the order's ISO 4217 code.

create table commerce_category (
  id          bigint generated always as identity primary key,
  tenant_id   bigint      not null,
  code        text        not null,
  name        text        not null,
  parent_id   bigint      references commerce_category (id),
  path        text        not null,              -- '/<root id>/<child id>/' for subtree queries
  depth       int         not null check (depth between 1 and 4),
  position    int         not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (tenant_id, code)
);
create index commerce_category_path_idx on commerce_category (tenant_id, path text_pattern_ops);

create table commerce_brand (
  id          bigint generated always as identity primary key,
  tenant_id   bigint      not null,
  code        text        not null,
  name        text        not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (tenant_id, code)
);

create table commerce_product (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null,
  code         text        not null,               -- the merchant's product (SPU) id
  name         text        not null,
  category_id  bigint      references commerce_category (id),
  brand_id     bigint      references commerce_brand (id),
  status       text        not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
  attributes   jsonb       not null default '{}',
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (tenant_id, code)
);
create index commerce_product_tenant_idx on commerce_product (tenant_id, id desc);
create index commerce_product_category_idx on commerce_product (tenant_id, category_id);

create table commerce_sku (
  id               bigint generated always as identity primary key,
  tenant_id        bigint      not null,
  product_id       bigint      not null references commerce_product (id),
  code             text        not null,           -- the merchant's SKU id
  name             text        not null,
  price_minor      bigint      not null check (price_minor >= 0),
  list_price_minor bigint      check (list_price_minor >= 0),
  currency         text        not null,
  status           text        not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
  attributes       jsonb       not null default '{}',
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (tenant_id, code)
);
create index commerce_sku_product_idx on commerce_sku (product_id);

create table commerce_store (
  id          bigint generated always as identity primary key,
  tenant_id   bigint           not null,
  code        text             not null,
  name        text             not null,
  latitude    double precision check (latitude between -90 and 90),
  longitude   double precision check (longitude between -180 and 180),
  time_zone   text             not null,
  address     text,
  status      text             not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
  created_at  timestamptz      not null default now(),
  updated_at  timestamptz      not null default now(),
  unique (tenant_id, code)
);

-- One secret salt per tenant: phone and e-mail are kept only as HMAC-SHA256(salt, normalized value)
-- for matching, plus a masked display form.
create table commerce_tenant_salt (
  tenant_id  bigint primary key,
  salt       bytea  not null
);

create table commerce_customer (
  id             bigint generated always as identity primary key,
  tenant_id      bigint      not null,
  external_id    text        not null,             -- the merchant's customer id
  name           text,
  phone_hash     text,
  phone_masked   text,
  email_hash     text,
  email_masked   text,
  attributes     jsonb       not null default '{}',
  registered_at  timestamptz,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (tenant_id, external_id)
);
create index commerce_customer_tenant_idx on commerce_customer (tenant_id, id desc);
create index commerce_customer_phone_idx on commerce_customer (tenant_id, phone_hash);
create index commerce_customer_email_idx on commerce_customer (tenant_id, email_hash);

create table commerce_order (
  id              bigint generated always as identity primary key,
  tenant_id       bigint      not null,
  order_no        text        not null,            -- the merchant's order id
  customer_id     bigint      references commerce_customer (id),
  store_id        bigint      references commerce_store (id),
  channel         text        not null default 'online',
  status          text        not null check (status in ('CREATED', 'PAID', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
  currency        text        not null,
  subtotal_minor  bigint      not null check (subtotal_minor >= 0),   -- sum of line amounts before order discount
  discount_minor  bigint      not null default 0 check (discount_minor >= 0),
  freight_minor   bigint      not null default 0 check (freight_minor >= 0),
  total_minor     bigint      not null check (total_minor >= 0),     -- what the customer pays
  refunded_minor  bigint      not null default 0 check (refunded_minor >= 0),
  request_hash    text        not null,            -- makes create idempotent by order_no
  ordered_at      timestamptz not null,
  paid_at         timestamptz,
  cancelled_at    timestamptz,
  cancel_reason   text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (tenant_id, order_no)
);
create index commerce_order_tenant_idx on commerce_order (tenant_id, id desc);
create index commerce_order_ordered_idx on commerce_order (tenant_id, ordered_at);
create index commerce_order_customer_idx on commerce_order (tenant_id, customer_id);

create table commerce_order_line (
  id                 bigint generated always as identity primary key,
  tenant_id          bigint not null,
  order_id           bigint not null references commerce_order (id),
  line_no            text   not null,              -- the merchant's line id
  sku_id             bigint references commerce_sku (id),
  sku_code           text   not null,
  product_id         bigint references commerce_product (id),
  category_id        bigint references commerce_category (id),
  quantity           int    not null check (quantity > 0),
  unit_price_minor   bigint not null check (unit_price_minor >= 0),
  discount_minor     bigint not null default 0 check (discount_minor >= 0),   -- this line's share of all discounts
  amount_minor       bigint not null check (amount_minor >= 0),             -- quantity * unit price - discount
  refunded_quantity  int    not null default 0 check (refunded_quantity between 0 and quantity),
  refunded_minor     bigint not null default 0 check (refunded_minor >= 0),
  unique (order_id, line_no)
);
create index commerce_order_line_tenant_sku_idx on commerce_order_line (tenant_id, sku_code);

create table commerce_refund (
  id            bigint generated always as identity primary key,
  tenant_id     bigint      not null,
  order_id      bigint      not null references commerce_order (id),
  refund_no     text        not null,              -- the merchant's refund id
  amount_minor  bigint      not null check (amount_minor >= 0),
  reason        text,
  request_hash  text        not null,
  refunded_at   timestamptz not null,
  unique (tenant_id, order_id, refund_no)
);

create table commerce_refund_line (
  refund_id      bigint not null references commerce_refund (id),
  order_line_id  bigint not null references commerce_order_line (id),
  quantity       int    not null check (quantity > 0),
  units          int[]  not null,                  -- 0-based unit indexes of the line that were returned
  amount_minor   bigint not null check (amount_minor >= 0),
  primary key (refund_id, order_line_id)
);

-- The order lifecycle of promotions: what each order reserved, committed, released or rolled back.
-- Every row carries tenant_id.

-- An order that used at least one promotion, as the promotion module saw it when it was created.
create table promotion_order (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null,
  order_id     text        not null,              -- the merchant's order id
  customer_id  text,
  store        text,
  total        bigint      not null check (total >= 0),
  ordered_at   timestamptz not null,
  created_at   timestamptz not null,
  unique (tenant_id, order_id)
);

-- The order's lines with the units refunded so far: a refund rolls back exactly its units' shares,
-- and the remaining (not refunded) amount decides the REVERT policy.
create table promotion_order_line (
  id              bigint generated always as identity primary key,
  tenant_id       bigint not null,
  order_id        text   not null,
  line_id         text   not null,
  quantity        int    not null check (quantity > 0),
  amount          bigint not null check (amount >= 0), -- what the customer pays for the line
  refunded_units  int[]  not null default '{}',
  unique (tenant_id, order_id, line_id),
  foreign key (tenant_id, order_id) references promotion_order (tenant_id, order_id)
);

-- One promotion (a campaign, or a coupon of a template) on one order.
-- status: RESERVED (order created) -> COMMITTED (paid) -> PARTIALLY_ROLLED_BACK / ROLLED_BACK / REVERTED
-- (refunds), or RESERVED -> RELEASED (cancelled / payment timeout).
-- refunded: discount (and, on a full rollback, freight discount) given back by refunds;
-- clawback: what the REVERT policy took back from the customer. Net cost = discount + freight_discount
-- - refunded - clawback.
create table promotion_redemption (
  id                bigint generated always as identity primary key,
  tenant_id         bigint      not null,
  order_id          text        not null,
  campaign_id       bigint      not null,
  coupon_id         bigint,
  code              text,
  customer_id       text,
  stage             int         not null,           -- pipeline stage of the rule type (threshold bases)
  discount          bigint      not null check (discount >= 0),
  freight_discount  bigint      not null check (freight_discount >= 0),
  refunded          bigint      not null default 0 check (refunded >= 0),
  clawback          bigint      not null default 0 check (clawback >= 0),
  status            text        not null check (status in
                      ('RESERVED', 'COMMITTED', 'RELEASED', 'PARTIALLY_ROLLED_BACK', 'ROLLED_BACK', 'REVERTED')),
  operation_id      text        not null,           -- the limits' operation id
  ordered_at        timestamptz not null,
  reserved_at       timestamptz not null,
  committed_at      timestamptz,
  closed_at         timestamptz,                    -- released, fully rolled back or reverted
  updated_at        timestamptz not null,
  unique (tenant_id, id),
  foreign key (tenant_id, campaign_id) references promotion_campaign (tenant_id, id),
  foreign key (tenant_id, order_id) references promotion_order (tenant_id, order_id),
  check (refunded + clawback <= discount + freight_discount)
);
-- a replayed OrderCreated inserts nothing
create unique index promotion_redemption_key on promotion_redemption (tenant_id, order_id, campaign_id, coalesce(coupon_id, 0));
create index promotion_redemption_campaign_idx on promotion_redemption (tenant_id, campaign_id, ordered_at);

-- A redemption's discount per order line, and what refunds rolled back of it.
create table promotion_redemption_line (
  id             bigint generated always as identity primary key,
  tenant_id      bigint not null,
  redemption_id  bigint not null,
  line_id        text   not null,
  amount         bigint not null check (amount >= 0),
  rolled_back    bigint not null default 0 check (rolled_back >= 0 and rolled_back <= amount),
  unique (tenant_id, redemption_id, line_id),
  foreign key (tenant_id, redemption_id) references promotion_redemption (tenant_id, id)
);

-- Refunds already applied to an order's promotions: a replayed OrderRefunded finds its id and changes nothing.
create table promotion_order_refund (
  id            bigint generated always as identity primary key,
  tenant_id     bigint      not null,
  order_id      text        not null,
  refund_id     text        not null,
  refunded_at   timestamptz not null,
  unique (tenant_id, order_id, refund_id)
);

-- What one refund did to one redemption.
create table promotion_redemption_refund (
  id             bigint generated always as identity primary key,
  tenant_id      bigint      not null,
  redemption_id  bigint      not null,
  refund_id      text        not null,
  rolled_back    bigint      not null check (rolled_back >= 0),
  clawback       bigint      not null check (clawback >= 0),
  outcome        text        not null check (outcome in ('PARTIAL', 'FULL', 'REVERTED')),
  refunded_at    timestamptz not null,
  unique (tenant_id, redemption_id, refund_id),
  foreign key (tenant_id, redemption_id) references promotion_redemption (tenant_id, id)
);

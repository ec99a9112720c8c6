-- Promotions and coupons the shop applied to an order (copied from the evaluate response), with each
-- one's allocation over the order's lines, so the promotion module can reserve on creation and roll
-- back exactly the refunded units' shares later.
create table commerce_order_promotion (
  id                      bigint generated always as identity primary key,
  tenant_id               bigint not null,
  order_id                bigint not null references commerce_order (id),
  position                int    not null check (position >= 0),   -- order in the request
  campaign_id             bigint not null check (campaign_id > 0),
  coupon_id               bigint check (coupon_id > 0),
  code                    text,                                    -- the coupon code the customer typed
  discount_minor          bigint not null check (discount_minor >= 0),
  freight_discount_minor  bigint not null default 0 check (freight_discount_minor >= 0),
  allocations             jsonb  not null default '[]',            -- [{"line_id": "1", "amount": 2000}, ...]
  unique (order_id, position)
);
create index commerce_order_promotion_campaign_idx on commerce_order_promotion (tenant_id, campaign_id);

-- Unpaid orders time out after magpie.commerce.unpaid-order-timeout, measured from when Magpie took
-- the order in (created_at, written from the application clock), never from the client's ordered_at.
-- Only orders taken in through the intake (API, bulk, CSV import) set auto_cancel; rows that existed
-- before this migration and demo data keep false, so an upgrade or a demo start cancels nothing.
alter table commerce_order add column auto_cancel boolean not null default false;
create index commerce_order_unpaid_idx on commerce_order (created_at) where status = 'CREATED' and auto_cancel;

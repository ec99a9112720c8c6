-- A tenant's stacking policy: caps per stack group ("at most one store coupon and one platform coupon"),
-- whether discounts may make an order free, and whether a line takes one offer per stage or many.
create table promotion_settings (
  tenant_id           bigint      primary key,
  group_caps          jsonb       not null default '{}',
  allow_free_orders   boolean     not null default false,
  one_offer_per_line  boolean     not null default false,
  updated_by          text        not null,
  updated_at          timestamptz not null
);

-- Coupon issuance: claim replays by the client's request id, the expiry sweep, per-template lists and
-- code batches linked to a template.

-- A claim sent again with the same request_id returns the coupon of the first one.
alter table promotion_coupon add column request_id text;
create unique index promotion_coupon_request_idx on promotion_coupon (tenant_id, request_id) where request_id is not null;

-- The periodic sweep flips AVAILABLE coupons past their expiry to EXPIRED.
create index promotion_coupon_expiry_idx on promotion_coupon (expires_at) where state = 'AVAILABLE';

-- A template's coupons, newest first (console and API list with state filter).
create index promotion_coupon_campaign_idx on promotion_coupon (tenant_id, campaign_id, id);

-- A template's code batches.
create index promotion_code_batch_campaign_idx on promotion_code_batch (tenant_id, campaign_id) where campaign_id is not null;

-- Cluster leases. wanted_at: when this node last found its lease and the unleased stock empty while other
-- nodes still held unsold units of the item; those nodes answer by returning their unsold units to the
-- pool (see docs/flash-sale.md, "Cluster"). renewed_at is the node's heartbeat: a lease not renewed for
-- magpie.flashsale.lease-ttl belongs to a dead node and is reclaimed by a live one.
alter table flashsale_stock_lease add column wanted_at timestamptz;
create index flashsale_stock_lease_by_node on flashsale_stock_lease (node_id);

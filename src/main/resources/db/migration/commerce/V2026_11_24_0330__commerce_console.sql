-- Indexes for the console's read paths (dashboard figures, list filters). Read-only pages; no new tables.

-- Sales figures per period and per day read only this index (index-only scans), even at 50,000+ orders.
create index commerce_order_sales_idx on commerce_order (tenant_id, ordered_at)
  include (status, total_minor, refunded_minor);

-- Product and category rankings walk the lines of the period's orders without touching the heap.
create index commerce_order_line_order_idx on commerce_order_line (order_id)
  include (product_id, category_id, quantity, amount_minor);

-- Order list filters, newest first.
create index commerce_order_status_idx on commerce_order (tenant_id, status, id desc);
create index commerce_order_store_idx on commerce_order (tenant_id, store_id, id desc);
create index commerce_order_customer_recent_idx on commerce_order (tenant_id, customer_id, id desc);

-- Product list filters.
create index commerce_product_brand_idx on commerce_product (tenant_id, brand_id, id desc);

-- Refunds of one order, for the order page.
create index commerce_refund_order_idx on commerce_refund (order_id);

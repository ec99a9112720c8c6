-- Benchmark peer only (bench/flash-sale.sh): the classic "one transaction per request on a hot stock
-- row" approach, served by NaiveReservationsBenchmarkEndpoint when magpie.flashsale.naive-endpoint=true
-- (off by default). Nothing in Magpie reads or writes these tables otherwise; they stay empty.

create table flashsale_naive_item (
  id          bigint generated always as identity primary key,
  tenant_id   bigint      not null,
  stock_left  int         not null check (stock_left >= 0),
  created_at  timestamptz not null default now()
);

create table flashsale_naive_reservation (
  id           bigint generated always as identity primary key,
  tenant_id    bigint      not null,
  item_id      bigint      not null references flashsale_naive_item (id),
  customer_id  text        not null,
  quantity     int         not null check (quantity > 0),
  request_key  text,
  created_at   timestamptz not null
);
create unique index flashsale_naive_reservation_key on flashsale_naive_reservation (tenant_id, request_key)
  where request_key is not null;

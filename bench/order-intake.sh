#!/usr/bin/env bash
# Order intake: POST /api/v1/orders/bulk against the raw multi-row JDBC insert ceiling, same run,
# same PostgreSQL, same tables. Goal (PERFORMANCE.md): durable orders/s >= 0.5x the ceiling.
#
#   bench/order-intake.sh                                                     # JDK 17
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/order-intake.sh   # JDK 25, virtual threads
#
# Knobs: BENCH_CONNECTIONS (16: wrk connections = wrk threads = ceiling threads), BENCH_DURATION (20 s
# measured for the bulk run and the ceiling), BULK_WARMUP (15 s), HELLO_DURATION (15 s),
# HELLO_CONNECTIONS (32), CEILING_WARMUP (5 s), BENCH_ALLOW_PENDING=1 (exit 0 while the bulk endpoint
# does not exist yet). Exit status: 0 ok, 1 a correctness check failed, 2 bulk endpoint missing.

# shellcheck source-path=SCRIPTDIR source=lib/harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-20}
BULK_WARMUP=${BULK_WARMUP:-15}
HELLO_DURATION=${HELLO_DURATION:-15}
HELLO_CONNECTIONS=${HELLO_CONNECTIONS:-32}
CEILING_WARMUP=${CEILING_WARMUP:-5}
ORDERS=100    # orders per request / per ceiling transaction
LINES=3       # lines per order
CUSTOMERS=1000
SKUS=200

bench_init order-intake
ensure_wrk
build_magpie
build_bench_tools
create_db
# shellcheck disable=SC2119  # no extra server arguments here
start_magpie
ensure_api_key

product_json() {
    local k=$1
    printf '{"name":"Bench product %d","skus":[{"sku":"SKU-%d","name":"Bench SKU %d","price":%d}]}' \
        "$k" "$k" "$k" $((1000 + (k % 50) * 100))
}

# ~200 products with one SKU each, priced like bench/order-intake.lua expects. Through the catalog API
# when it exists, by SQL into commerce_product/commerce_sku otherwise.
seed_catalog() {
    api PUT /api/v1/products/P-1 "$(product_json 1)"
    case $HTTP_STATUS in
        2??)
            for k in $(seq 2 "$SKUS"); do
                api PUT "/api/v1/products/P-$k" "$(product_json "$k")"
                [[ $HTTP_STATUS == 2?? ]] || bench_die "PUT /api/v1/products/P-$k answered $HTTP_STATUS: $HTTP_BODY"
            done
            log "catalog: $SKUS products/SKUs through PUT /api/v1/products/{code}"
            ;;
        404 | 405)
            sql "insert into commerce_product (tenant_id, code, name)
                 select $BENCH_TENANT, 'P-' || g, 'Bench product ' || g from generate_series(1, $SKUS) g
                 on conflict (tenant_id, code) do nothing" >/dev/null
            sql "insert into commerce_sku (tenant_id, product_id, code, name, price_minor, currency)
                 select $BENCH_TENANT, p.id, 'SKU-' || g, 'Bench SKU ' || g, 1000 + (g % 50) * 100, t.currency
                   from generate_series(1, $SKUS) g
                   join commerce_product p on p.tenant_id = $BENCH_TENANT and p.code = 'P-' || g
                   join tenant t on t.id = $BENCH_TENANT
                 on conflict (tenant_id, code) do nothing" >/dev/null
            log "catalog: $SKUS products/SKUs by SQL (PUT /api/v1/products/{code} answered $HTTP_STATUS)"
            ;;
        *) bench_die "PUT /api/v1/products/P-1 answered $HTTP_STATUS: $HTTP_BODY" ;;
    esac
    local n
    n=$(sql "select count(*) from commerce_sku where tenant_id = $BENCH_TENANT and code like 'SKU-%'")
    ((n >= SKUS)) || bench_die "catalog seeding left $n SKUs, expected $SKUS"
}

# Customers C1..C1000 exist before either side writes orders, so both only look them up.
seed_customers() {
    sql "insert into commerce_customer (tenant_id, external_id)
         select $BENCH_TENANT, 'C' || g from generate_series(1, $CUSTOMERS) g
         on conflict (tenant_id, external_id) do nothing" >/dev/null
    log "customers: C1..C$CUSTOMERS"
}

# verify_bulk LABEL PREFIX RESULT: what wrk saw acknowledged must be exactly what the database holds.
verify_bulk() {
    local label=$1 prefix=$2 result=$3
    local ok bad created existing unparsed unacked db partial lines unacked_rows in_list
    ok=$(result_field "$result" ok)
    bad=$(result_field "$result" bad)
    created=$(result_field "$result" created)
    existing=$(result_field "$result" existing)
    unparsed=$(result_field "$result" unparsed)
    unacked=$(result_field "$result" unacked)
    if [[ -z $ok || -z $created ]]; then
        bench_fail "$label: the wrk script reported no counters"
        return
    fi
    ((bad == 0)) || bench_fail "$label: $bad bulk requests were not answered 200/201"
    ((unparsed == 0)) || bench_fail "$label: $unparsed answers had no numeric created/existing"
    ((existing == 0)) || bench_fail "$label: $existing orders answered as existing although every order id was new"
    ((created == ok * ORDERS)) || bench_fail "$label: $ok requests answered 200 but created=$created (expected $((ok * ORDERS)))"

    db=$(sql "select count(*) from commerce_order where tenant_id = $BENCH_TENANT and order_no like '$prefix-%'")
    lines=$(sql "select count(*) from commerce_order_line l join commerce_order o on o.id = l.order_id
                  where o.tenant_id = $BENCH_TENANT and o.order_no like '$prefix-%'")
    partial=$(sql "select count(*) from (
                     select 1 from commerce_order where tenant_id = $BENCH_TENANT and order_no like '$prefix-%'
                      group by split_part(order_no, '-', 2), split_part(order_no, '-', 3)
                     having count(*) <> $ORDERS) x")
    unacked_rows=0
    if [[ -n $unacked && $unacked != - ]]; then
        in_list="'${unacked//,/\',\'}'"
        unacked_rows=$(sql "select count(*) from commerce_order where tenant_id = $BENCH_TENANT
                             and order_no like '$prefix-%'
                             and split_part(order_no, '-', 2) || ':' || split_part(order_no, '-', 3) in ($in_list)")
    fi
    ((partial == 0)) || bench_fail "$label: $partial requests were written partially (not $ORDERS orders each)"
    ((lines == db * LINES)) || bench_fail "$label: $db orders but $lines lines in the database (expected $((db * LINES)))"
    if ((db != created + unacked_rows)); then
        bench_fail "$label: database holds $db orders; acknowledged $created + $unacked_rows from requests still" \
            "unanswered when wrk stopped (${unacked})"
    else
        log "  verified $label: $db orders ($created acknowledged + $unacked_rows from $(tr ',' '\n' <<<"$unacked" | grep -c ':' || true) unanswered requests), $lines lines, every request all-or-nothing"
    fi
}

seed_catalog
seed_customers

# 1. the server's own JSON hello: what this server does per request, for information
wrk_run hello "$MAGPIE_URL/api/v1/hello" "" "$HELLO_DURATION" "$HELLO_CONNECTIONS" 2
HELLO_RPS=$WRK_RPS

# 2. the bulk endpoint
PENDING=
probe_prefix=${RUN_TAG}p
api POST /api/v1/orders/bulk \
    "{\"orders\":[{\"order_id\":\"$probe_prefix-0-1-0\",\"customer_id\":\"C1\",\"lines\":[{\"line_id\":\"1\",\"sku\":\"SKU-1\",\"quantity\":2,\"unit_price\":1100}]}]}"
case $HTTP_STATUS in
    200 | 201)
        [[ $HTTP_BODY =~ \"created\":[[:space:]]*1 ]] || bench_fail "bulk probe: expected created=1, got $HTTP_BODY"
        ;;
    404 | 405)
        PENDING="POST /api/v1/orders/bulk answered $HTTP_STATUS: the bulk endpoint is not in this build"
        ;;
    *) bench_die "bulk probe answered $HTTP_STATUS: $HTTP_BODY" ;;
esac

if [[ -z $PENDING ]]; then
    WRK_LUA_ARGS=("$ORDERS" "$LINES" "$CUSTOMERS" "$SKUS")
    # one connection per wrk thread: the script relies on it to know which request is unanswered
    BENCH_WARMUP=$BULK_WARMUP wrk_run order_intake "$MAGPIE_URL/api/v1/orders/bulk" "$BENCH_DIR/order-intake.lua" \
        "$DURATION" "$CONNECTIONS" "$CONNECTIONS"
    BULK_RESULT=$WRK_RESULT
    BULK_RPS=$WRK_RPS
    verify_bulk "warm-up" "$WRK_WARMUP_TAG" "$WRK_WARMUP_RESULT"
    verify_bulk "measured run" "$WRK_TAG" "$BULK_RESULT"
    BULK_SECONDS=$(result_field "$BULK_RESULT" seconds)
    BULK_ORDERS_PER_S=$(calc "$(result_field "$BULK_RESULT" created) / $BULK_SECONDS")
    figure order_intake.orders_per_s "$(calc1 "$BULK_ORDERS_PER_S")" "durable orders/s (acknowledged)"
    figure order_intake.lines_per_s "$(calc1 "$BULK_ORDERS_PER_S * $LINES")" "lines/s"
else
    printf '\n***** PENDING: %s\n\n' "$PENDING"
    BENCH_LINES+=("PENDING: $PENDING")
fi
stop_magpie

# 3. the ceiling: multi-row INSERT ... VALUES, same tables, same tenant, same concurrency
log "JDBC ceiling: $CONNECTIONS threads, $ORDERS orders x $LINES lines per transaction"
ceiling_rc=0
"$BENCH_JAVA" -cp "$BENCH_TOOLS_JAR" io.magpie.bench.OrderIntakeCeiling url="$DB_URL" tenant="$BENCH_TENANT" \
    prefix="${RUN_TAG}jdbc" threads="$CONNECTIONS" warmup="$CEILING_WARMUP" duration="$DURATION" \
    orders="$ORDERS" lines="$LINES" customers="$CUSTOMERS" >"$RUN_DIR/ceiling.txt" 2>&1 || ceiling_rc=$?
cat "$RUN_DIR/ceiling.txt"
((ceiling_rc == 0)) || bench_fail "the JDBC ceiling failed (status $ceiling_rc)"
CEILING_RESULT=$(grep '^RESULT ' "$RUN_DIR/ceiling.txt" | tail -n 1 || true)
CEILING_ORDERS_PER_S=$(result_field "$CEILING_RESULT" orders_per_s)
CEILING_ORDERS_PER_S=${CEILING_ORDERS_PER_S:-0}
figure jdbc_ceiling.orders_per_s "$CEILING_ORDERS_PER_S" "durable orders/s"
figure jdbc_ceiling.lines_per_s "$(result_field "$CEILING_RESULT" lines_per_s)" "lines/s"
figure jdbc_ceiling.tx_p99 "$(result_field "$CEILING_RESULT" tx_p99_ms)" "ms per transaction of $ORDERS orders"

echo
if [[ -z $PENDING ]]; then
    if [[ $CEILING_ORDERS_PER_S != 0 ]]; then
        ratio order_intake_vs_jdbc_ceiling "$(calc "$BULK_ORDERS_PER_S / $CEILING_ORDERS_PER_S")" 0.5
    fi
    ratio bulk_requests_vs_hello "$(calc "$BULK_RPS / $HELLO_RPS")" -
fi

bench_finish
if [[ -n $PENDING && ${BENCH_ALLOW_PENDING:-} != 1 ]]; then
    echo "order intake not measured: $PENDING (BENCH_ALLOW_PENDING=1 to exit 0)" >&2
    exit 2
fi

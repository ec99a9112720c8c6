#!/usr/bin/env bash
# Flash sale reservations, in one run on one database: the server's JSON hello, the naive hot-row
# endpoint (one transaction per request, served by the same server), Magpie's reservation endpoint,
# sell-out runs of both (fixed stock), and the raw-JDBC merged-commit ceiling.
# Goals (PERFORMANCE.md): durable reservations/s >= 25x naive and >= 0.8x the merged-commit ceiling;
# reservation rps >= 0.8x hello rps; p99 reported.
#
#   bench/flash-sale.sh                                                     # JDK 17
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/flash-sale.sh   # JDK 25, virtual threads
#
# Knobs: BENCH_CONNECTIONS (128 wrk connections for hello, naive and Magpie), BENCH_THREADS (2 wrk
# threads), BENCH_DURATION (20 s measured per run), BENCH_WARMUP (10 s before each measured run),
# SELLOUT_TARGET (3: sell-out stock = the durable reservations/s just measured x 3 s), SELLOUT_DURATION (10 s), CEILING_THREADS (4), CEILING_BATCH (200),
# CEILING_WARMUP (5 s), FLASH_BATCH_SIZE (Magpie's magpie.flashsale.batch-size; default: Magpie's),
# BENCH_PROFILE=1 (a JFR recording of the Magpie reservation runs: bench/out/<run>/magpie.jfr).
# Correctness checks after every run (each failure makes the run exit 1): every 201's reservation is in
# the database, the rows of the run are exactly the acknowledged ones plus at most the requests still
# unanswered when wrk stopped; the item's reserved units equal its RESERVED rows, reserved + sold +
# leased <= stock, the lease equals the item's leased units, quota rows equal the customers' units and
# nobody holds more than the limit; the live stock the API shows equals the database's; the sell-out
# runs sell exactly their stock, never more.

# shellcheck source-path=SCRIPTDIR source=lib/harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

CONNECTIONS=${BENCH_CONNECTIONS:-128}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-20}
SELLOUT_TARGET=${SELLOUT_TARGET:-3}
SELLOUT_DURATION=${SELLOUT_DURATION:-10}
CEILING_THREADS=${CEILING_THREADS:-4}
CEILING_BATCH=${CEILING_BATCH:-200}
CEILING_WARMUP=${CEILING_WARMUP:-5}
STOCK=10000000   # the throughput items never sell out (the most an item may have)
LIMIT=2          # units per customer per item
REPEAT_EVERY=20  # every 20th request comes from one of
REPEAT_CUSTOMERS=200

bench_init flash-sale
ensure_wrk
build_magpie
build_bench_tools
create_db
export FLASH_IDS_DIR=$RUN_DIR
# ip rate limit off (every wrk request comes from 127.0.0.1); the per-customer bucket stays on, wide
# enough for the returning customers; the naive peer on
MAGPIE_ARGS=(--magpie.flashsale.naive-endpoint=true
    --magpie.flashsale.rate-limit.ip-per-second=0
    --magpie.flashsale.rate-limit.customer-per-second=1000
    --magpie.flashsale.rate-limit.customer-burst=1000)
[[ -z ${FLASH_BATCH_SIZE:-} ]] || MAGPIE_ARGS+=(--magpie.flashsale.batch-size="$FLASH_BATCH_SIZE")
start_magpie "${MAGPIE_ARGS[@]}"
ensure_api_key

# --- set-up: a running session with the throughput item; the naive item ---------------------------
create_session() { # NAME -> SESSION
    api POST /api/v1/flash-sales/sessions "{\"name\":\"$1\",\"starts_at\":\"$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)\",
        \"ends_at\":\"$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)\",\"time_zone\":\"Asia/Shanghai\"}"
    [[ $HTTP_STATUS == 201 ]] || bench_die "creating a session answered $HTTP_STATUS: $HTTP_BODY"
    SESSION=$(jq -r .id <<<"$HTTP_BODY")
}
publish() {
    api POST "/api/v1/flash-sales/sessions/$SESSION/publish" '{}'
    [[ $HTTP_STATUS == 200 ]] || bench_die "publishing session $SESSION answered $HTTP_STATUS: $HTTP_BODY"
}
add_item() { # SKU STOCK -> ITEM_ID
    api POST "/api/v1/flash-sales/sessions/$SESSION/items" \
        "{\"sku\":\"$1\",\"name\":\"Bench $1\",\"original_price\":4900,\"flash_price\":990,\"stock\":$2,\"per_customer_limit\":$LIMIT}"
    [[ $HTTP_STATUS == 201 ]] || bench_die "adding item $1 answered $HTTP_STATUS: $HTTP_BODY"
    ITEM_ID=$(jq -r .id <<<"$HTTP_BODY")
}
create_session "Bench $RUN_TAG"
add_item BENCH-HOT "$STOCK"
ITEM=$ITEM_ID
publish
NAIVE_ITEM=$(sql "insert into flashsale_naive_item (tenant_id, stock_left) values ($BENCH_TENANT, $STOCK) returning id")
RESERVE_URL=$MAGPIE_URL/api/v1/flash-sales/$SESSION/items/$ITEM/reservations
NAIVE_URL=$MAGPIE_URL/api/v1/flash-sales/bench/naive/$NAIVE_ITEM/reservations
log "session $SESSION: item $ITEM (stock $STOCK), limit $LIMIT per customer; naive item $NAIVE_ITEM (stock $STOCK)"

# both endpoints answer
api POST "/api/v1/flash-sales/$SESSION/items/$ITEM/reservations" '{"customer_id":"probe","quantity":1}'
[[ $HTTP_STATUS == 201 ]] || bench_die "Magpie's reservation probe answered $HTTP_STATUS: $HTTP_BODY"
api POST "/api/v1/flash-sales/bench/naive/$NAIVE_ITEM/reservations" '{"customer_id":"probe","quantity":1}'
[[ $HTTP_STATUS == 201 ]] || bench_die "the naive endpoint answered $HTTP_STATUS: $HTTP_BODY (magpie.flashsale.naive-endpoint in this build?)"

# --- checks -------------------------------------------------------------------------------------

# settle TABLE ITEM: after wrk stops, the server still finishes the requests it had read (Magpie's
# queued batches, the naive requests waiting for a pool connection): wait until the item's rows stop
# changing before checking.
settle() {
    local table=$1 item=$2 before after
    after=$(sql "select count(*) from $table where item_id = $item")
    for _ in $(seq 1 60); do
        before=$after
        sleep 0.5
        after=$(sql "select count(*) from $table where item_id = $item")
        [[ $after != "$before" ]] || return 0
    done
    bench_fail "the rows of $table for item $item were still changing 30 s after wrk stopped"
}

# check_answers LABEL RESULT TABLE ITEM TAG: the run's rows are exactly the acknowledged ones plus at
# most the requests still unanswered when wrk stopped; sets RUN_ROWS.
check_answers() {
    local label=$1 result=$2 table=$3 item=$4 tag=$5
    local created bad unparsed inflight ids_file out missing dup extra
    created=$(result_field "$result" created)
    bad=$(result_field "$result" bad)
    unparsed=$(result_field "$result" unparsed)
    inflight=$(result_field "$result" inflight)
    RUN_ROWS=0
    if [[ -z $created ]]; then
        bench_fail "$label: the wrk script reported no counters"
        return
    fi
    ((bad == 0)) || bench_fail "$label: $bad answers were neither 201 nor an expected refusal (409 sold_out/limit_reached, 429)"
    ((unparsed == 0)) || bench_fail "$label: $unparsed answers 201 without a reservation_id"
    ids_file=$RUN_DIR/ids-$tag.txt
    [[ -f $ids_file ]] || { bench_fail "$label: no ids file $ids_file"; return; }
    ((created == $(wc -l <"$ids_file"))) || bench_fail "$label: $created 201s counted but $(wc -l <"$ids_file") ids written"
    out=$(psql "$PG_URI" -XAtq -v ON_ERROR_STOP=1 <<SQL
create temp table answered (id bigint);
\copy answered from '$ids_file'
create index on answered (id);
analyze answered;
select (select count(*) from answered a where not exists (select 1 from $table r where r.id = a.id and r.item_id = $item
            and r.request_key like '$tag-%')),
       (select count(*) - count(distinct id) from answered),
       (select count(*) from $table r where r.item_id = $item and r.request_key like '$tag-%'
            and not exists (select 1 from answered a where a.id = r.id)),
       (select count(*) from $table r where r.item_id = $item and r.request_key like '$tag-%');
SQL
    ) || { bench_fail "$label: checking the answered ids failed"; return; }
    IFS='|' read -r missing dup extra RUN_ROWS <<<"$(tail -n 1 <<<"$out")"
    ((missing == 0)) || bench_fail "$label: $missing reservations answered 201 are not in the database"
    ((dup == 0)) || bench_fail "$label: $dup reservation ids were answered twice"
    if ((extra > inflight)); then
        bench_fail "$label: the database holds $extra reservations nobody was answered, more than the $inflight requests unanswered when wrk stopped"
    fi
    log "  verified $label: $RUN_ROWS rows = $created acknowledged (201) + $extra of the $inflight requests unanswered when wrk stopped;" \
        "$(result_field "$result" sold_out) sold_out, $(result_field "$result" limit_reached) limit_reached, $(result_field "$result" rate_limited) rate_limited"
}

# check_item LABEL ITEM: Magpie's stock accounting and per-customer limits of an item, in the database
# and against the live stock the API shows.
check_item() {
    local label=$1 item=$2 row problems left expected
    row=$(sql "select i.stock, i.reserved, i.sold, i.leased, i.per_customer_limit,
                      (select coalesce(sum(quantity), 0) from flashsale_reservation r where r.item_id = i.id and r.status = 'RESERVED'),
                      (select coalesce(sum(quantity), 0) from flashsale_reservation r where r.item_id = i.id and r.status = 'CONFIRMED'),
                      (select coalesce(sum(amount), 0) from flashsale_stock_lease l where l.item_id = i.id),
                      (select count(*) from flashsale_stock_lease l where l.item_id = i.id and l.amount < 0),
                      (select count(*) from (select customer_id from flashsale_reservation r where r.item_id = i.id
                          and r.status in ('RESERVED', 'CONFIRMED') group by customer_id having sum(quantity) > i.per_customer_limit) x),
                      (select count(*) from flashsale_item_quota q where q.item_id = i.id and (q.held > q.max_held or q.held > i.per_customer_limit)),
                      (select count(*) from (select customer_id, sum(quantity) n from flashsale_reservation r where r.item_id = i.id
                          and r.status in ('RESERVED', 'CONFIRMED') group by customer_id) r
                          full join (select customer_id, held from flashsale_item_quota q where q.item_id = i.id) q using (customer_id)
                          where coalesce(r.n, 0) <> coalesce(q.held, 0))
                 from flashsale_item i where i.id = $item")
    [[ -n $row ]] || { bench_fail "$label: item $item is not in the database"; return; }
    local stock reserved sold leased limit rows_reserved rows_sold lease_sum negative over over_quota mismatch
    IFS='|' read -r stock reserved sold leased limit rows_reserved rows_sold lease_sum negative over over_quota mismatch <<<"$row"
    problems=()
    ((reserved == rows_reserved)) || problems+=("reserved=$reserved but RESERVED rows hold $rows_reserved units")
    ((sold == rows_sold)) || problems+=("sold=$sold but CONFIRMED rows hold $rows_sold units")
    ((reserved >= 0 && sold >= 0 && leased >= 0)) || problems+=("a negative stock column: reserved=$reserved sold=$sold leased=$leased")
    ((reserved + sold + leased <= stock)) || problems+=("oversold: reserved+sold+leased=$((reserved + sold + leased)) > stock=$stock")
    ((leased == lease_sum)) || problems+=("leased=$leased but the lease rows hold $lease_sum")
    ((negative == 0)) || problems+=("$negative lease rows below zero")
    ((over == 0)) || problems+=("$over customers hold more than $limit units")
    ((over_quota == 0)) || problems+=("$over_quota quota rows above their limit")
    ((mismatch == 0)) || problems+=("$mismatch customers' quota rows differ from their reservations")
    api GET "/api/v1/flash-sales/$SESSION/items/$item/stock"
    left=$(jq -r .stock_left <<<"$HTTP_BODY" 2>/dev/null || echo "?")
    expected=$((stock - reserved - sold))
    [[ $HTTP_STATUS == 200 && $left == "$expected" ]] \
        || problems+=("the API shows stock_left=$left ($HTTP_STATUS), the database $expected")
    if ((${#problems[@]} > 0)); then
        local p
        for p in "${problems[@]}"; do bench_fail "$label, item $item: $p"; done
    else
        log "  verified $label, item $item: stock $stock = $reserved reserved + $sold sold + $leased leased (lease rows $lease_sum) + $((stock - reserved - sold - leased)) unleased; nobody above $limit; quota rows = reservations; API stock_left $left"
    fi
}

# check_naive_item LABEL ITEM INITIAL: stock_left never negative and initial - stock_left = rows.
check_naive_item() {
    local label=$1 item=$2 initial=$3 left units
    IFS='|' read -r left units <<<"$(sql "select stock_left, (select coalesce(sum(quantity), 0) from flashsale_naive_reservation r
                                                where r.item_id = i.id) from flashsale_naive_item i where i.id = $item")"
    if ((left < 0 || initial - left != units)); then
        bench_fail "$label, naive item $item: stock_left=$left, reservations hold $units units, initial stock $initial"
    else
        log "  verified $label, naive item $item: $initial initial = $left left + $units reserved"
    fi
}

# --- 1. the server's own JSON hello (authenticated with the same key); measured again after the
# reservation runs (hello_again): the better of the two is the reference, since the first one also
# pays the fresh server's JIT compilation
wrk_run hello "$MAGPIE_URL/api/v1/hello" "" "$DURATION" "$CONNECTIONS" "$THREADS"
HELLO_RPS=$WRK_RPS
HELLO_P99=$WRK_P99_MS

WRK_LUA_ARGS=("$REPEAT_EVERY" "$REPEAT_CUSTOMERS")
export WRK_ALLOW_NON2XX=1

durable() { # durable reservations/s of a wrk result: 201s per second
    calc1 "$(result_field "$1" created) / $(result_field "$1" seconds)"
}

# --- 2. naive: one transaction per request on the hot row --------------------------------------
wrk_run naive "$NAIVE_URL" "$BENCH_DIR/flash-sale.lua" "$DURATION" "$CONNECTIONS" "$THREADS"
NAIVE_RPS=$WRK_RPS
NAIVE_P99=$WRK_P99_MS
NAIVE_DURABLE=$(durable "$WRK_RESULT")
settle flashsale_naive_reservation "$NAIVE_ITEM"
check_answers "naive warm-up" "$WRK_WARMUP_RESULT" flashsale_naive_reservation "$NAIVE_ITEM" "$WRK_WARMUP_TAG"
check_answers "naive" "$WRK_RESULT" flashsale_naive_reservation "$NAIVE_ITEM" "$WRK_TAG"
check_naive_item "naive" "$NAIVE_ITEM" "$STOCK"
figure naive.reservations_per_s "$NAIVE_DURABLE" "durable reservations/s (201)"

# --- 3. Magpie: decide in memory, group commit, answer when durable -----------------------------
if [[ ${BENCH_PROFILE:-} == 1 ]]; then
    # JFR of the measured Magpie run only (started after the warm-up would need a hook in wrk_run:
    # the recording covers warm-up and measured run, both on the reservation endpoint)
    "$(dirname "$BENCH_JAVA")/jcmd" "$MAGPIE_PID" JFR.start name=flash settings=profile >/dev/null \
        || bench_fail "could not start JFR in pid $MAGPIE_PID"
fi
wrk_run magpie "$RESERVE_URL" "$BENCH_DIR/flash-sale.lua" "$DURATION" "$CONNECTIONS" "$THREADS"
if [[ ${BENCH_PROFILE:-} == 1 ]]; then
    "$(dirname "$BENCH_JAVA")/jcmd" "$MAGPIE_PID" JFR.stop name=flash filename="$RUN_DIR/magpie.jfr" >/dev/null \
        && log "JFR of the magpie runs: $RUN_DIR/magpie.jfr"
fi
MAGPIE_RESULT=$WRK_RESULT
MAGPIE_RPS=$WRK_RPS
MAGPIE_P99=$WRK_P99_MS
MAGPIE_DURABLE=$(durable "$WRK_RESULT")
settle flashsale_reservation "$ITEM"
check_answers "magpie warm-up" "$WRK_WARMUP_RESULT" flashsale_reservation "$ITEM" "$WRK_WARMUP_TAG"
check_answers "magpie" "$WRK_RESULT" flashsale_reservation "$ITEM" "$WRK_TAG"
check_item "magpie" "$ITEM"
for r in "$WRK_WARMUP_RESULT" "$WRK_RESULT"; do
    if (($(result_field "$r" repeat_sent) > 3 * LIMIT * REPEAT_CUSTOMERS && $(result_field "$r" limit_reached) == 0)); then
        bench_fail "magpie: $(result_field "$r" repeat_sent) requests of $REPEAT_CUSTOMERS returning customers and not one limit_reached"
    fi
    (($(result_field "$r" created_repeat) <= LIMIT * REPEAT_CUSTOMERS)) \
        || bench_fail "magpie: $(result_field "$r" created_repeat) units to $REPEAT_CUSTOMERS returning customers with a limit of $LIMIT"
    (($(result_field "$r" sold_out) == 0)) || bench_fail "magpie: $(result_field "$r" sold_out) sold_out answers with $STOCK units in stock"
done
figure magpie.reservations_per_s "$MAGPIE_DURABLE" "durable reservations/s (201)"
figure magpie.limit_reached "$(result_field "$MAGPIE_RESULT" limit_reached)" "409 limit_reached (expected)"

WRK_LUA_ARGS=()
WRK_ALLOW_NON2XX=
wrk_run hello_again "$MAGPIE_URL/api/v1/hello" "" "$DURATION" "$CONNECTIONS" "$THREADS"
if awk -v a="$WRK_RPS" -v b="$HELLO_RPS" 'BEGIN { exit !(a > b) }'; then
    HELLO_RPS=$WRK_RPS
    HELLO_P99=$WRK_P99_MS
fi
WRK_LUA_ARGS=("$REPEAT_EVERY" "$REPEAT_CUSTOMERS")
WRK_ALLOW_NON2XX=1

# --- 4. sell-out: a fixed stock that each endpoint sells in about SELLOUT_TARGET seconds at the rate
# just measured, hammered for SELLOUT_DURATION seconds (no warm-up): exactly the stock is sold, never
# more, and the rest of the crowd gets 409 sold_out. Time to sell out: first to last reservation row.
sellout() { # NAME URL TABLE ITEM STOCK -> SELLOUT_SECONDS
    local name=$1 url=$2 table=$3 item=$4 stock=$5 sold
    BENCH_WARMUP=0 wrk_run "$name" "$url" "$BENCH_DIR/flash-sale.lua" "$SELLOUT_DURATION" "$CONNECTIONS" "$THREADS"
    settle "$table" "$item"
    check_answers "$name" "$WRK_RESULT" "$table" "$item" "$WRK_TAG"
    sold=$(sql "select coalesce(sum(quantity), 0) from $table where item_id = $item")
    ((sold <= stock)) || bench_fail "$name: $sold units sold of $stock: OVERSOLD"
    if ((sold < stock)); then
        # a timing, not a failure: the accounting was checked all the same
        line="NOTE $name: only $sold of $stock units sold in ${SELLOUT_DURATION}s (slower than the run before)"
        echo "$line"
        BENCH_LINES+=("$line")
    fi
    SELLOUT_SECONDS=$(sql "select round(extract(epoch from max(created_at) - min(created_at))::numeric, 3) from $table where item_id = $item")
    figure "$name.units" "$sold" "units of $stock sold ($(result_field "$WRK_RESULT" sold_out) × 409 sold_out)"
    figure "$name.seconds" "$SELLOUT_SECONDS" "s from the first to the last reservation"
}
sellout_stock() { # DURABLE_PER_S -> units
    awk -v r="$1" -v t="$SELLOUT_TARGET" 'BEGIN { s = int(r * t); print (s < 100 ? 100 : s) }'
}
MAGPIE_SELLOUT_STOCK=$(sellout_stock "$MAGPIE_DURABLE")
create_session "Bench sell-out $RUN_TAG"
add_item BENCH-SELLOUT "$MAGPIE_SELLOUT_STOCK"
SELLOUT_ITEM=$ITEM_ID
publish
sellout magpie_sellout "$MAGPIE_URL/api/v1/flash-sales/$SESSION/items/$SELLOUT_ITEM/reservations" \
    flashsale_reservation "$SELLOUT_ITEM" "$MAGPIE_SELLOUT_STOCK"
check_item "magpie sell-out" "$SELLOUT_ITEM"
MAGPIE_SELLOUT_S=$SELLOUT_SECONDS

NAIVE_SELLOUT_STOCK=$(sellout_stock "$NAIVE_DURABLE")
NAIVE_SELLOUT_ITEM=$(sql "insert into flashsale_naive_item (tenant_id, stock_left) values ($BENCH_TENANT, $NAIVE_SELLOUT_STOCK) returning id")
sellout naive_sellout "$MAGPIE_URL/api/v1/flash-sales/bench/naive/$NAIVE_SELLOUT_ITEM/reservations" \
    flashsale_naive_reservation "$NAIVE_SELLOUT_ITEM" "$NAIVE_SELLOUT_STOCK"
check_naive_item "naive sell-out" "$NAIVE_SELLOUT_ITEM" "$NAIVE_SELLOUT_STOCK"
NAIVE_SELLOUT_S=$SELLOUT_SECONDS
stop_magpie

# --- 5. the ceiling: in-memory decisions, one writer, merged commits, same tables, Magpie stopped ---
log "merged-commit ceiling: $CEILING_THREADS decider threads, 1 writer, up to $CEILING_BATCH reservations per transaction"
ceiling_rc=0
"$BENCH_JAVA" -cp "$BENCH_TOOLS_JAR" io.magpie.bench.FlashSaleCeiling url="$DB_URL" tenant="$BENCH_TENANT" \
    prefix="${RUN_TAG}jdbc" threads="$CEILING_THREADS" batch="$CEILING_BATCH" warmup="$CEILING_WARMUP" \
    duration="$DURATION" limit="$LIMIT" repeat_every="$REPEAT_EVERY" repeat_customers="$REPEAT_CUSTOMERS" \
    >"$RUN_DIR/ceiling.txt" 2>&1 || ceiling_rc=$?
cat "$RUN_DIR/ceiling.txt"
((ceiling_rc == 0)) || bench_fail "the merged-commit ceiling failed (status $ceiling_rc)"
CEILING_RESULT=$(grep '^RESULT ' "$RUN_DIR/ceiling.txt" | tail -n 1 || true)
CEILING_DURABLE=$(result_field "$CEILING_RESULT" reservations_per_s)
CEILING_DURABLE=${CEILING_DURABLE:-0}
figure ceiling.reservations_per_s "$CEILING_DURABLE" "durable reservations/s"
figure ceiling.avg_batch "$(result_field "$CEILING_RESULT" avg_batch)" "reservations per transaction"
figure ceiling.tx_p99 "$(result_field "$CEILING_RESULT" tx_p99_ms)" "ms per transaction"
figure ceiling.p99 "$(result_field "$CEILING_RESULT" p99_ms)" "ms from decision to commit"

echo
ratio flash_durable_vs_naive "$(calc "$MAGPIE_DURABLE / $NAIVE_DURABLE")" 25
if [[ $CEILING_DURABLE != 0 ]]; then
    ratio flash_durable_vs_merged_ceiling "$(calc "$MAGPIE_DURABLE / $CEILING_DURABLE")" 0.8
fi
ratio flash_rps_vs_hello "$(calc "$MAGPIE_RPS / $HELLO_RPS")" 0.8
ratio naive_rps_vs_hello "$(calc "$NAIVE_RPS / $HELLO_RPS")" -
line="hello reference: $HELLO_RPS rps (the better of hello and hello_again)"
echo "$line"
BENCH_LINES+=("$line")
line="p99 (ms): hello $HELLO_P99, naive $NAIVE_P99, magpie $MAGPIE_P99, ceiling decision-to-commit $(result_field "$CEILING_RESULT" p99_ms)"
echo "$line"
BENCH_LINES+=("$line")
line="sell-out: magpie $MAGPIE_SELLOUT_STOCK units in ${MAGPIE_SELLOUT_S}s, naive $NAIVE_SELLOUT_STOCK units in ${NAIVE_SELLOUT_S}s"
echo "$line"
BENCH_LINES+=("$line")

bench_finish

#!/usr/bin/env bash
# Cart evaluation over HTTP: POST /api/v1/carts/evaluate (10-line carts, 100 active campaigns over a
# 200-SKU catalog) against the same server's authenticated JSON hello, in one run with the same key.
# Goals (PERFORMANCE.md): evaluate rps >= 0.7x hello rps; evaluate p99 <= 20 ms.
#
#   bench/cart-evaluate.sh                                                     # JDK 17
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/cart-evaluate.sh   # JDK 25, virtual threads
#
# Knobs: BENCH_CATEGORIES (100: campaigns per category = 70 / this), BENCH_DURATION (20 s measured per run), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_WARMUP (10 s before each measured run; the first evaluate run also gets EVALUATE_WARMUP, 20 s).
# Before measuring, one known cart is checked to the fen and the invariants of a random cart
# (allocations sum to the discount, lines sum to the payable, byte-identical replies): a wrong
# answer fails the run.

# shellcheck source-path=SCRIPTDIR source=lib/harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
EVALUATE_WARMUP=${EVALUATE_WARMUP:-20}
SKUS=200
CATEGORIES=${BENCH_CATEGORIES:-100}
CAMPAIGNS=100
CUSTOMERS=1000
LINES=10

bench_init cart-evaluate
ensure_wrk
build_magpie
create_db
# shellcheck disable=SC2119
start_magpie
ensure_api_key

# root categories C-0..C-99; SKU-k in C-(k mod 100) priced 10.00 + (k mod 50) x 1.00; SKU-CHECK alone
# in category CHECK for the correctness check.
seed_catalog() {
    sql "insert into commerce_category (tenant_id, code, name, path, depth)
         select $BENCH_TENANT, 'C-' || g, 'Category ' || g, 'pending', 1 from generate_series(0, $CATEGORIES - 1) g
         union all select $BENCH_TENANT, 'CHECK', 'Check', 'pending', 1" >/dev/null
    sql "update commerce_category set path = '/' || id || '/' where tenant_id = $BENCH_TENANT" >/dev/null
    sql "insert into commerce_product (tenant_id, code, name, category_id)
         select $BENCH_TENANT, 'P-' || g, 'Bench product ' || g, c.id from generate_series(1, $SKUS) g
           join commerce_category c on c.tenant_id = $BENCH_TENANT and c.code = 'C-' || (g % $CATEGORIES)
         union all select $BENCH_TENANT, 'P-CHECK', 'Check product', c.id from commerce_category c
          where c.tenant_id = $BENCH_TENANT and c.code = 'CHECK'" >/dev/null
    sql "insert into commerce_sku (tenant_id, product_id, code, name, price_minor, currency)
         select $BENCH_TENANT, p.id, 'SKU-' || substr(p.code, 3), p.name, 1000 + (coalesce(nullif(regexp_replace(p.code, '\\D', '', 'g'), ''), '0')::int % 50) * 100, t.currency
           from commerce_product p join tenant t on t.id = p.tenant_id where p.tenant_id = $BENCH_TENANT" >/dev/null
    sql "insert into commerce_customer (tenant_id, external_id)
         select $BENCH_TENANT, 'C' || g from generate_series(1, $CUSTOMERS) g on conflict do nothing" >/dev/null
    log "catalog: $SKUS SKUs in $CATEGORIES categories (+ SKU-CHECK), $CUSTOMERS customers"
}

# 100 running automatic campaigns, ten of each of ten rule types, each scoped to one category or three
# SKUs except two site-wide ones (free shipping from 99.00, a gift from 300.00): a 10-line cart touches
# about 15 of them (more than the exact search bound of 12: the heuristic runs). One in ten has a budget
# (a limit the evaluation reads). Plus the check campaign: 满100减10 on category CHECK.
seed_campaigns() {
    sql "insert into promotion_campaign (tenant_id, name, kind, rule_type, config, status, priority, stacking,
           percent_base, starts_at, time_zone, scope, created_by, created_at, updated_at)
         select $BENCH_TENANT, 'Bench ' || k || ' ' || t.type, 'AUTOMATIC', t.type, t.config::jsonb, 'ACTIVE', k % 3,
                case when k % 17 = 0 then 'EXCLUSIVE' else 'COMMON' end, 'CASCADING', '2020-01-01T00:00:00Z',
                'Asia/Shanghai', t.scope::jsonb, 'bench', now(), now()
           from generate_series(0, $CAMPAIGNS - 1) k
           cross join lateral (select case k % 10
               when 0 then 'THRESHOLD_AMOUNT_OFF' when 1 then 'PERCENT_OFF' when 2 then 'LIMITED_TIME_PRICE'
               when 3 then 'EVERY_AMOUNT_OFF' when 4 then 'BUY_X_GET_Y' when 5 then 'FREE_SHIPPING'
               when 6 then 'AMOUNT_OFF' when 7 then 'THRESHOLD_PERCENT_OFF' when 8 then 'THRESHOLD_GIFT'
               else 'ANY_N_FOR_PRICE' end as type,
             case k % 10
               when 0 then '{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":5000,\"amount_off\":500},{\"threshold\":10000,\"amount_off\":1500}]}'
               when 1 then '{\"percent_off_bp\":500,\"min_spend\":8000}'
               when 2 then '{\"sku_prices\":{\"SKU-' || (k % $SKUS + 1) || '\":900,\"SKU-' || ((k * 7) % $SKUS + 1) || '\":900}}'
               when 3 then '{\"every\":10000,\"amount_off\":500,\"cap\":2000}'
               when 4 then '{\"buy\":2,\"get\":1,\"get_percent_off_bp\":5000}'
               when 5 then '{\"min_spend\":9900}'
               when 6 then '{\"amount_off\":300,\"min_spend\":5000}'
               when 7 then '{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":20000,\"percent_off_bp\":1000}]}'
               when 8 then '{\"basis\":\"AMOUNT\",\"threshold\":30000,\"gift_sku\":\"SKU-$SKUS\",\"quantity\":1}'
               else '{\"count\":3,\"bundle_price\":5000}' end as config,
             case when k in (5, 8) then '{}'
               when k % 10 in (2, 4) then '{\"skus\":[\"SKU-' || (k % $SKUS + 1) || '\",\"SKU-' || ((k * 7) % $SKUS + 1) || '\",\"SKU-' || ((k * 13) % $SKUS + 1) || '\"]}'
               else '{\"categories\":[\"C-' || (k % $CATEGORIES) || '\"]}' end as scope) t" >/dev/null
    sql "insert into promotion_campaign (tenant_id, name, kind, rule_type, config, status, priority, stacking,
           percent_base, starts_at, time_zone, scope, created_by, created_at, updated_at)
         values ($BENCH_TENANT, 'Check 满100减10', 'AUTOMATIC', 'THRESHOLD_AMOUNT_OFF',
                 '{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":10000,\"amount_off\":1000}]}', 'ACTIVE', 0, 'COMMON',
                 'CASCADING', '2020-01-01T00:00:00Z', 'Asia/Shanghai', '{\"categories\":[\"CHECK\"]}', 'bench', now(), now())" >/dev/null
    sql "insert into promotion_limit (tenant_id, measure, per, period, max_amount)
         select $BENCH_TENANT, 'DISCOUNT_AMOUNT', 'CAMPAIGN', 'TOTAL', 100000000 from generate_series(1, 10)" >/dev/null
    sql "insert into promotion_campaign_limit (tenant_id, campaign_id, limit_id)
         select $BENCH_TENANT, c.id, l.id from
           (select id, row_number() over (order by id) n from promotion_campaign where tenant_id = $BENCH_TENANT and name like 'Bench %' and id % 10 = 0) c
           join (select id, row_number() over (order by id) n from promotion_limit where tenant_id = $BENCH_TENANT) l on l.n = c.n" >/dev/null
    local n
    n=$(sql "select count(*) from promotion_campaign where tenant_id = $BENCH_TENANT and status = 'ACTIVE'")
    ((n == CAMPAIGNS + 1)) || bench_die "expected $((CAMPAIGNS + 1)) active campaigns, found $n"
    log "campaigns: $CAMPAIGNS active over the catalog ($(sql "select count(*) from promotion_campaign_limit where tenant_id = $BENCH_TENANT") with a budget) + the check campaign"
}

# A wrong answer fails the run: a known cart to the fen, then the invariants of a full 10-line cart.
check_answers() {
    api POST /api/v1/carts/evaluate \
        '{"lines":[{"line_id":"1","sku":"SKU-CHECK","quantity":2,"unit_price":6000}],"at":"2026-11-25T04:00:00Z"}'
    [[ $HTTP_STATUS == 200 ]] || bench_die "evaluate answered $HTTP_STATUS: $HTTP_BODY"
    local got
    got=$(jq -r '"\(.totals.subtotal) \(.totals.discount) \(.totals.payable) \(.applied | length) \(.applied[0].discount)"' <<<"$HTTP_BODY")
    [[ $got == "12000 1000 11000 1 1000" ]] \
        || bench_fail "check cart: expected subtotal/discount/payable/applied '12000 1000 11000 1 1000', got '$got': $HTTP_BODY"

    local cart first
    cart='{"lines":['
    for i in $(seq 1 $LINES); do
        local k=$(((i * 37) % SKUS + 1))
        cart+="{\"line_id\":\"$i\",\"sku\":\"SKU-$k\",\"quantity\":$((i % 3 + 1)),\"unit_price\":$((1000 + (k % 50) * 100))},"
    done
    cart="${cart%,}],\"customer\":{\"id\":\"C1\"},\"freight\":1000,\"at\":\"2026-11-25T04:00:00Z\"}"
    api POST /api/v1/carts/evaluate "$cart"
    [[ $HTTP_STATUS == 200 ]] || bench_die "evaluate answered $HTTP_STATUS: $HTTP_BODY"
    first=$HTTP_BODY
    local problems
    problems=$(jq -r '
        [ (if (.lines | map(.original_amount) | add) != .totals.subtotal then "lines do not add up to the subtotal" else empty end),
          (if (.lines | map(.payable) | add) + .totals.freight - .totals.freight_discount != .totals.payable then "line payables + freight do not add up to the payable" else empty end),
          (if (.applied | map(.discount) | add // 0) != .totals.discount then "applied discounts do not add up to the discount" else empty end),
          (if (.totals.discount_by_stage | map(.amount) | add) != .totals.discount then "stages do not add up to the discount" else empty end),
          (.applied[] | select((.allocations | map(.amount) | add // 0) != .discount) | "allocations of campaign \(.campaign_id) do not add up"),
          (.lines[] | select(.payable < 0 or .payable != .original_amount - (.allocations | map(.amount) | add // 0)) | "line \(.line_id) is inconsistent")
        ] | join("; ")' <<<"$first")
    [[ -z $problems ]] || bench_fail "10-line cart: $problems: $first"
    api POST /api/v1/carts/evaluate "$cart"
    [[ $HTTP_BODY == "$first" ]] || bench_fail "the same cart gave two different answers"
    log "answers checked: check cart to the fen; 10-line cart: $(jq -r '"discount \(.totals.discount), \(.applied | length) applied of \(.candidates | length) candidates, search \(.recommended.search_mode)"' <<<"$first")"
}

seed_catalog
seed_campaigns
check_answers

# 1. the server's own JSON hello (authenticated with the same key)
wrk_run hello "$MAGPIE_URL/api/v1/hello" "" "$DURATION" "$CONNECTIONS" "$THREADS"
HELLO_RPS=$WRK_RPS

# 2. cart evaluation: a longer warm-up first (the engine's code paths are many)
WRK_LUA_ARGS=("$LINES" "$SKUS" "$CUSTOMERS")
BENCH_WARMUP=$EVALUATE_WARMUP wrk_run cart_evaluate "$MAGPIE_URL/api/v1/carts/evaluate" "$BENCH_DIR/cart-evaluate.lua" \
    "$DURATION" "$CONNECTIONS" "$THREADS"
EVAL_RPS=$WRK_RPS
EVAL_P99=$WRK_P99_MS
(($(result_field "$WRK_RESULT" bad) == 0)) || bench_fail "cart_evaluate: $(result_field "$WRK_RESULT" bad) answers were not 200"

echo
ratio cart_evaluate_vs_hello "$(calc "$EVAL_RPS / $HELLO_RPS")" 0.7
line="p99 cart_evaluate = $EVAL_P99 ms (goal <= 20 ms)"
echo "$line"
BENCH_LINES+=("$line$(awk -v v="$EVAL_P99" 'BEGIN { if (v + 0 > 20) printf "  [above goal]" }')")
record figure cart_evaluate.p99_goal "$EVAL_P99" ms 20

bench_finish

# shellcheck shell=bash
# Benchmark harness, sourced by bench/*.sh. See bench/README.md.
#
#   bench_init NAME             run directory under bench/out/, traps, header (JDK, machine, commit)
#   ensure_wrk                  installs wrk (Debian package) when missing
#   build_magpie                builds target/magpie.jar when missing or older than src/main or pom.xml
#   build_bench_tools           builds bench/target/magpie-bench.jar (raw JDBC ceilings) likewise
#   create_db                   a fresh database on the local PostgreSQL (or BENCH_DB_URL), dropped on exit
#   start_magpie [ARGS...]      starts the jar on a free port with BENCH_JAVA_HOME, waits for readiness
#   stop_magpie                 stops the server this harness started (by PID)
#   ensure_api_key              makes BENCH_API_KEY a key with all scopes; sets BENCH_TENANT
#   api METHOD PATH [BODY]      one HTTP call with the key; sets HTTP_STATUS and HTTP_BODY
#   sql SQL                     one statement on the benchmark database, unaligned output
#   wrk_run NAME URL [LUA] [DURATION] [CONNECTIONS] [THREADS]
#                               warm-up run, then the measured run; sets WRK_RESULT, WRK_RPS, WRK_P99_MS
#                               (WRK_ALLOW_NON2XX=1: non-2xx answers are the script's to count, not failures)
#   figure NAME VALUE UNIT      prints and records a raw figure
#   ratio NAME VALUE GOAL       prints "RATIO <name> = <value> (goal >= <goal>)" and records it
#                               (GOAL "-": information only)
#   bench_fail MESSAGE          a failed correctness check: reported loudly, the run exits non-zero
#   bench_finish                writes the summary; exit status 1 when any correctness check failed
#
# Environment: BENCH_JAVA_HOME (default: the system JDK 17), BENCH_JVM_OPTS, BENCH_DB_URL, BENCH_KEEP_DB=1,
# BENCH_PG_HOST/PORT/USER, BENCH_WARMUP (s), BENCH_SKIP_BUILD=1, BENCH_MAGPIE_JAR (another jar, not built),
# BENCH_OUT.
# Timings never fail a run; only correctness checks do.

set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT_DIR=$(dirname "$BENCH_DIR")
BENCH_OUT=${BENCH_OUT:-$BENCH_DIR/out}
BENCH_PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
BENCH_PG_PORT=${BENCH_PG_PORT:-5432}
BENCH_PG_USER=${BENCH_PG_USER:-postgres}
BENCH_WARMUP=${BENCH_WARMUP:-10}
BENCH_JVM_OPTS=${BENCH_JVM_OPTS:--Xms1g -Xmx1g}
MAGPIE_JAR=${BENCH_MAGPIE_JAR:-$ROOT_DIR/target/magpie.jar}
BENCH_TOOLS_JAR=$BENCH_DIR/target/magpie-bench.jar

BENCH_FAILURES=0
BENCH_LINES=()
MAGPIE_PID=
MAGPIE_URL=
DB_CREATED=
WRK_RUNS=0
WRK_HEADERS=()
WRK_LUA_ARGS=()

log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"
}

bench_fail() {
    BENCH_FAILURES=$((BENCH_FAILURES + 1))
    printf '\n!!!!! FAIL: %s\n\n' "$*" >&2
    BENCH_LINES+=("FAIL: $*")
}

bench_die() {
    bench_fail "$*"
    exit 1
}

# Floating-point arithmetic: calc "3 / 4" prints 0.7500.
calc() {
    awk "BEGIN { printf \"%.4f\", $* }"
}

# calc1 "10 / 3" prints 3.3
calc1() {
    awk "BEGIN { printf \"%.1f\", $* }"
}

# result_field "RESULT a=1 b=2" b  ->  2
result_field() {
    awk -v k="$2" '{ for (i = 1; i <= NF; i++) { n = index($i, "="); if (n > 0 && substr($i, 1, n - 1) == k) { print substr($i, n + 1); exit } } }' <<<"$1"
}

bench_init() {
    BENCH_NAME=$1
    BENCH_RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
    # prefix for every id this run writes (order numbers, databases): letters and digits only
    RUN_TAG="r$(date +%s)$((RANDOM % 100))"
    RUN_DIR=$BENCH_OUT/$BENCH_NAME-$BENCH_RUN_ID
    mkdir -p "$RUN_DIR"
    exec > >(tee -a "$RUN_DIR/output.log") 2>&1
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM

    if [[ -n ${BENCH_JAVA_HOME:-} ]]; then
        BENCH_JAVA=$BENCH_JAVA_HOME/bin/java
    elif [[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]]; then
        BENCH_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
    else
        BENCH_JAVA=$(command -v java)
    fi
    [[ -x $BENCH_JAVA ]] || bench_die "no java at $BENCH_JAVA (BENCH_JAVA_HOME=${BENCH_JAVA_HOME:-})"
    BENCH_JDK=$("$BENCH_JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
    BENCH_JDK_MAJOR=${BENCH_JDK%%.*}
    if [[ -n ${BENCH_MAGPIE_JAR:-} ]]; then
        # the commit of the checkout that built the other jar, when it is one
        BENCH_COMMIT="$(git -C "$(dirname "$MAGPIE_JAR")/.." rev-parse --short HEAD 2>/dev/null || echo unknown)(BENCH_MAGPIE_JAR)"
    else
        BENCH_COMMIT=$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
    fi
    BENCH_COMMAND="${BENCH_MAGPIE_JAR:+BENCH_MAGPIE_JAR=$BENCH_MAGPIE_JAR }${BENCH_JAVA_HOME:+BENCH_JAVA_HOME=$BENCH_JAVA_HOME }bench/$BENCH_NAME.sh"

    log "benchmark $BENCH_NAME, run $BENCH_RUN_ID, output in ${RUN_DIR#"$ROOT_DIR"/}"
    log "JDK $BENCH_JDK ($BENCH_JAVA)$([[ $BENCH_JDK_MAJOR -ge 21 ]] && echo ', virtual threads on' || echo ', platform threads')"
    log "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), commit $BENCH_COMMIT"
    BENCH_LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
    log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews absolute figures)"
}

bench_cleanup() {
    local rc=$?
    set +e
    if ((rc != 0 && BENCH_FAILURES == 0)); then
        printf '\n!!!!! FAIL: the benchmark stopped early (exit status %s); see the messages above\n\n' "$rc" >&2
    fi
    stop_magpie
    if [[ -n $DB_CREATED ]]; then
        if [[ ${BENCH_KEEP_DB:-} == 1 ]]; then
            log "keeping database $DB_CREATED (BENCH_KEEP_DB=1)"
        else
            psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d postgres -XAtq \
                -c "drop database if exists $DB_CREATED with (force)" >/dev/null 2>&1 \
                || log "could not drop database $DB_CREATED"
        fi
        DB_CREATED=
    fi
    exit "$rc"
}

ensure_wrk() {
    command -v wrk >/dev/null && return
    log "wrk is missing: installing the Debian package"
    local sudo=
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y wrk || { $sudo apt-get update && $sudo apt-get install -y wrk; }
    command -v wrk >/dev/null || bench_die "could not install wrk"
}

# True when $1 is missing or anything among the other paths is newer.
stale() {
    local target=$1
    shift
    [[ ! -f $target ]] || [[ -n $(find "$@" -newer "$target" -type f -print -quit 2>/dev/null) ]]
}

build_magpie() {
    if [[ ${BENCH_SKIP_BUILD:-} == 1 || -n ${BENCH_MAGPIE_JAR:-} ]]; then
        [[ -f $MAGPIE_JAR ]] || bench_die "$MAGPIE_JAR is missing"
    elif stale "$MAGPIE_JAR" "$ROOT_DIR/src/main" "$ROOT_DIR/pom.xml"; then
        log "building target/magpie.jar (mvn -B -q -DskipTests package)"
        (cd "$ROOT_DIR" && mvn -B -q -DskipTests package) || bench_die "building magpie.jar failed"
    fi
}

build_bench_tools() {
    if [[ ${BENCH_SKIP_BUILD:-} != 1 ]] && stale "$BENCH_TOOLS_JAR" "$BENCH_DIR/src" "$BENCH_DIR/pom.xml"; then
        log "building bench/target/magpie-bench.jar (mvn -q -f bench/pom.xml package)"
        mvn -B -q -f "$BENCH_DIR/pom.xml" package || bench_die "building the benchmark tools failed"
    fi
    [[ -f $BENCH_TOOLS_JAR ]] || bench_die "$BENCH_TOOLS_JAR is missing"
}

create_db() {
    if [[ -n ${BENCH_DB_URL:-} ]]; then
        DB_URL=$BENCH_DB_URL
        log "database: $DB_URL (BENCH_DB_URL; not dropped)"
    else
        local name=magpie_bench_$RUN_TAG
        psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d postgres -XAtq -v ON_ERROR_STOP=1 \
            -c "create database $name" >/dev/null || bench_die "could not create database $name"
        DB_CREATED=$name
        DB_URL="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$name?user=$BENCH_PG_USER"
        log "database: $DB_URL (fresh; dropped on exit unless BENCH_KEEP_DB=1)"
    fi
    # libpq understands the same URL without the jdbc: prefix
    PG_URI=${DB_URL#jdbc:}
    log "PostgreSQL $(sql 'show server_version'), synchronous_commit=$(sql 'show synchronous_commit')"
}

sql() {
    psql "$PG_URI" -XAtq -v ON_ERROR_STOP=1 -c "$1"
}

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    bench_die "no free port found"
}

start_magpie() {
    local port started
    port=$(free_port)
    BENCH_API_KEY=${BENCH_API_KEY:-mk_bench_$(head -c 32 /dev/urandom | sha256sum | cut -c1-40)}
    MAGPIE_URL=http://127.0.0.1:$port
    mkdir -p "$RUN_DIR/magpie"
    log "starting magpie on port $port (JVM options: $BENCH_JVM_OPTS)"
    started=$(date +%s)
    # shellcheck disable=SC2086  # BENCH_JVM_OPTS is a list of options
    (cd "$RUN_DIR/magpie" && exec "$BENCH_JAVA" $BENCH_JVM_OPTS -jar "$MAGPIE_JAR" \
        --server.port="$port" \
        --spring.datasource.url="$DB_URL" \
        --magpie.data-dir="$RUN_DIR/magpie/data" \
        --magpie.api.rate-limit.requests-per-second=0 \
        --magpie.bootstrap.owner-password="bench-$RUN_TAG" \
        --magpie.bootstrap.api-key="$BENCH_API_KEY" \
        "$@") >"$RUN_DIR/magpie.log" 2>&1 &
    MAGPIE_PID=$!
    local deadline=$((started + ${BENCH_START_TIMEOUT:-180}))
    until curl -fsS -o /dev/null "$MAGPIE_URL/actuator/health/readiness" 2>/dev/null; do
        if ! kill -0 "$MAGPIE_PID" 2>/dev/null; then
            tail -n 40 "$RUN_DIR/magpie.log" >&2
            MAGPIE_PID=
            bench_die "magpie exited during start-up (log: $RUN_DIR/magpie.log)"
        fi
        if (($(date +%s) > deadline)); then
            tail -n 40 "$RUN_DIR/magpie.log" >&2
            bench_die "magpie was not ready after ${BENCH_START_TIMEOUT:-180} s"
        fi
        sleep 0.5
    done
    log "magpie ready after $(($(date +%s) - started)) s (pid $MAGPIE_PID)"
}

stop_magpie() {
    [[ -n $MAGPIE_PID ]] || return 0
    if kill -0 "$MAGPIE_PID" 2>/dev/null; then
        kill -TERM "$MAGPIE_PID" 2>/dev/null
        for _ in $(seq 1 60); do
            kill -0 "$MAGPIE_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$MAGPIE_PID" 2>/dev/null; then
            log "magpie did not stop in 30 s: killing pid $MAGPIE_PID"
            kill -KILL "$MAGPIE_PID" 2>/dev/null
        fi
    fi
    wait "$MAGPIE_PID" 2>/dev/null || true
    log "magpie stopped"
    MAGPIE_PID=
}

# The key is created by magpie.bootstrap.api-key on a first start; when the server does not know that
# property yet (or the database is not new), the key is inserted directly (SHA-256 hex, as ApiKeys stores it).
ensure_api_key() {
    local hash
    hash=$(printf '%s' "$BENCH_API_KEY" | sha256sum | cut -d' ' -f1)
    BENCH_TENANT=$(sql "select tenant_id from tenant_api_key where secret_hash = '$hash' and revoked_at is null")
    if [[ -z $BENCH_TENANT ]]; then
        BENCH_TENANT=$(sql "select min(id) from tenant")
        [[ -n $BENCH_TENANT ]] || bench_die "no tenant in the database: did the bootstrap run?"
        sql "insert into tenant_api_key (tenant_id, name, prefix, secret_hash, scopes, created_by)
             values ($BENCH_TENANT, 'bench', '${BENCH_API_KEY:0:11}', '$hash',
                     '{admin,catalog,customers,orders,read}', 'bench')" >/dev/null
        log "API key inserted by SQL for tenant $BENCH_TENANT"
    else
        log "API key from magpie.bootstrap.api-key, tenant $BENCH_TENANT"
    fi
    api GET /api/v1/hello
    [[ $HTTP_STATUS == 200 ]] || bench_die "GET /api/v1/hello with the bench key answered $HTTP_STATUS: $HTTP_BODY"
}

api() {
    local method=$1 path=$2 body=${3:-}
    local args=(-sS -o "$RUN_DIR/http-body" -w '%{http_code}' -X "$method"
        -H "Authorization: Bearer $BENCH_API_KEY")
    if [[ -n $body ]]; then
        args+=(-H 'Content-Type: application/json' --data-binary "$body")
    fi
    HTTP_STATUS=$(curl "${args[@]}" "$MAGPIE_URL$path") || HTTP_STATUS=000
    HTTP_BODY=$(cat "$RUN_DIR/http-body" 2>/dev/null || true)
}

# wrk_run NAME URL [LUA] [DURATION] [CONNECTIONS] [THREADS]
# Extra headers: WRK_HEADERS array (default: the bench key). Script arguments: WRK_LUA_ARGS array; the
# script gets a fresh id prefix as its first argument (WRK_WARMUP_TAG for the warm-up, WRK_TAG for the
# measured run). Non-2xx answers and socket errors are correctness failures, except that WRK_ALLOW_NON2XX=1
# leaves non-2xx answers to the script's own counters (expected refusals such as 409 sold_out).
wrk_run() {
    local name=$1 url=$2 lua=${3:-} duration=${4:-15} connections=${5:-16} threads=${6:-2}
    local script=$RUN_DIR/$name.lua
    if ((${#WRK_HEADERS[@]} == 0)); then
        WRK_HEADERS=(-H "Authorization: Bearer $BENCH_API_KEY")
    fi
    cat "$BENCH_DIR/lib/wrk-report.lua" >"$script"
    [[ -z $lua ]] || cat "$lua" >>"$script"
    WRK_RUNS=$((WRK_RUNS + 1))
    WRK_WARMUP_TAG=${RUN_TAG}n${WRK_RUNS}w
    WRK_TAG=${RUN_TAG}n${WRK_RUNS}m
    WRK_WARMUP_RESULT=
    if ((BENCH_WARMUP > 0)); then
        log "wrk $name: warm-up ${BENCH_WARMUP}s, $connections connections, $threads threads"
        wrk_once "$name.warmup" "$BENCH_WARMUP" "$WRK_WARMUP_TAG"
        WRK_WARMUP_RESULT=$WRK_ONCE_RESULT
        log "  warm-up: $(result_field "$WRK_WARMUP_RESULT" rps) rps, p99 $(result_field "$WRK_WARMUP_RESULT" p99_ms) ms"
    fi
    log "wrk $name: measured ${duration}s"
    wrk_once "$name" "$duration" "$WRK_TAG"
    WRK_RESULT=$WRK_ONCE_RESULT
    WRK_RPS=$(result_field "$WRK_RESULT" rps)
    WRK_P99_MS=$(result_field "$WRK_RESULT" p99_ms)
    log "  $WRK_RESULT"
    figure "$name.rps" "$WRK_RPS" "requests/s"
    figure "$name.p99" "$WRK_P99_MS" "ms"
}

# One wrk process (uses wrk_run's locals); sets WRK_ONCE_RESULT. Not called in $(...), so that
# bench_fail counts in this shell.
wrk_once() {
    local file=$1 seconds=$2 tag=$3 result errors rc=0
    wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 30s --latency -s "$script" \
        "${WRK_HEADERS[@]}" "$url" -- "$tag" "${WRK_LUA_ARGS[@]}" >"$RUN_DIR/$file.txt" 2>&1 || rc=$?
    ((rc == 0)) || bench_fail "wrk $file exited with status $rc (see $RUN_DIR/$file.txt)"
    result=$(grep '^RESULT ' "$RUN_DIR/$file.txt" | tail -n 1 || true)
    if [[ -z $result ]]; then
        bench_fail "wrk $file printed no RESULT line (see $RUN_DIR/$file.txt)"
        result="RESULT requests=0 rps=0 p99_ms=0 non2xx=0 connect_errors=0 read_errors=0 write_errors=0 timeouts=0"
    fi
    errors=$(($(result_field "$result" connect_errors) + $(result_field "$result" read_errors)
        + $(result_field "$result" write_errors) + $(result_field "$result" timeouts)))
    if [[ ${WRK_ALLOW_NON2XX:-} != 1 ]] && (($(result_field "$result" non2xx) > 0)); then
        grep -v '^RESULT ' "$RUN_DIR/$file.txt" | head -n 20 >&2
        bench_fail "wrk $file: $(result_field "$result" non2xx) answers were not 2xx/3xx"
    fi
    ((errors == 0)) || bench_fail "wrk $file: $errors socket errors or timeouts"
    WRK_ONCE_RESULT=$result
}

figure() {
    local name=$1 value=$2 unit=$3
    printf 'FIGURE %s = %s %s\n' "$name" "$value" "$unit"
    BENCH_LINES+=("FIGURE $name = $value $unit")
    record figure "$name" "$value" "$unit" ""
}

ratio() {
    local name=$1 value=$2 goal=$3 shown line
    shown=$(awk -v v="$value" 'BEGIN { printf((v >= 0.1 || v == 0) ? "%.2f" : "%.4f", v) }')
    if [[ $goal =~ ^[0-9]+([.][0-9]+)?$ ]]; then
        line="RATIO $name = $shown (goal >= $goal)"
        echo "$line"
        BENCH_LINES+=("$line$(awk -v v="$value" -v g="$goal" 'BEGIN { if (v + 0 < g + 0) printf "  [below goal]" }')")
    else
        # GOAL "-": a ratio shown for information only
        line="RATIO $name = $shown (information, no goal)"
        echo "$line"
        BENCH_LINES+=("$line")
        goal=
    fi
    record ratio "$name" "$shown" "" "$goal"
}

# bench/out/results.tsv: one row per figure or ratio of every run, for plotting and comparing.
record() {
    local file=$BENCH_OUT/results.tsv
    [[ -f $file ]] || printf 'run\tdate\tjdk\tcommit\tbenchmark\tkind\tname\tvalue\tunit\tgoal\n' >"$file"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$BENCH_RUN_ID" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
        "$BENCH_JDK" "$BENCH_COMMIT" "$BENCH_NAME" "$1" "$2" "$3" "$4" "$5" >>"$file"
}

bench_finish() {
    local status=ok
    ((BENCH_FAILURES == 0)) || status="FAILED ($BENCH_FAILURES correctness failures)"
    {
        echo "== $BENCH_NAME $BENCH_RUN_ID  $(date -u +%Y-%m-%dT%H:%M:%SZ)  JDK $BENCH_JDK  commit $BENCH_COMMIT"
        echo "   command: $BENCH_COMMAND"
        echo "   load average (1 min): $BENCH_LOAD_START at start, $(cut -d' ' -f1 /proc/loadavg) at end, $(nproc) CPUs"
        printf '   %s\n' "${BENCH_LINES[@]}"
        echo "   status: $status"
    } | tee "$RUN_DIR/summary.txt" >>"$BENCH_OUT/summary.txt"
    echo
    cat "$RUN_DIR/summary.txt"
    ((BENCH_FAILURES == 0)) || exit 1
}

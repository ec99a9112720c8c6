-- Prepended by bench/lib/harness.sh to every wrk script (or used alone).
-- Gives each wrk thread a global `tid` (0, 1, ...) and prints one machine-readable line at the end:
--   RESULT requests=.. seconds=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. mean_ms=.. non2xx=.. ...
-- A script may define bench_extra(threads) returning "key=value ..." to append its own counters
-- (read them from each thread with thread:get(name)).

bench_threads = {}
local bench_next_tid = 0

function setup(thread)
   thread:set("tid", bench_next_tid)
   bench_next_tid = bench_next_tid + 1
   table.insert(bench_threads, thread)
end

function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local line = string.format(
      "RESULT requests=%d seconds=%.3f rps=%.2f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f"
         .. " non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      e.status, e.connect, e.read, e.write, e.timeout)
   if bench_extra then
      line = line .. " " .. bench_extra(bench_threads)
   end
   io.write(line .. "\n")
end

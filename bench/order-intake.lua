-- wrk script for POST /api/v1/orders/bulk (bench/order-intake.sh).
-- Each request carries ORDERS orders of LINES lines with order ids that are new in this run:
--   <prefix>-<thread id>-<request seq>-<index>
-- so the harness can check afterwards, request by request, that what was acknowledged is in the
-- database and that every request was written all or nothing.
-- Arguments (after wrk's --): prefix orders lines customers skus
-- Run with one connection per thread (wrk -c N -t N): a thread's response then belongs to its last
-- request, which is how the script knows which request is still unanswered when wrk stops.

local prefix, orders, lines, customers, skus

-- per-thread counters, read by bench_extra() through thread:get()
seq = 0
ok = 0
bad = 0
created = 0
existing = 0
unparsed = 0
inflight = nil
lost = ""

function init(args)
   prefix = args[1]
   orders = tonumber(args[2] or "100")
   lines = tonumber(args[3] or "3")
   customers = tonumber(args[4] or "1000")
   skus = tonumber(args[5] or "200")
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

-- same price formula as the catalog seeded by bench/order-intake.sh
local function price(k)
   return 1000 + (k % 50) * 100
end

local calls = 0

local function payload(s)
   local parts = {}
   for i = 0, orders - 1 do
      local customer = (tid * 7919 + s * orders + i) % customers + 1
      local h = (tid * 31 + s * 17 + i * 13) % skus
      local ls = {}
      for j = 0, lines - 1 do
         local k = (h + j * 67) % skus + 1
         ls[j + 1] = string.format('{"line_id":"%d","sku":"SKU-%d","quantity":%d,"unit_price":%d}',
            j + 1, k, 1 + (i + j) % 3, price(k))
      end
      parts[i + 1] = string.format('{"order_id":"%s-%d-%d-%d","customer_id":"C%d","lines":[%s]}',
         prefix, tid, s, i, customer, table.concat(ls, ","))
   end
   return '{"orders":[' .. table.concat(parts, ",") .. ']}'
end

function request()
   calls = calls + 1
   if tid == 0 and calls == 1 then
      -- wrk calls request() once on the first thread to inspect it and never sends that one
      return wrk.format(nil, nil, nil, payload(0))
   end
   if inflight then
      -- wrk reconnected without an answer to the previous request: remember it as unanswered
      lost = lost .. inflight .. " "
   end
   seq = seq + 1
   inflight = seq
   return wrk.format(nil, nil, nil, payload(seq))
end

function response(status, headers, body)
   inflight = nil
   if status == 200 or status == 201 then
      ok = ok + 1
      local c = tonumber(body:match('"created"%s*:%s*(%d+)'))
      local x = tonumber(body:match('"existing"%s*:%s*(%d+)'))
      if c == nil or x == nil then
         unparsed = unparsed + 1
      else
         created = created + c
         existing = existing + x
      end
   else
      bad = bad + 1
      if bad <= 3 then
         io.stderr:write(string.format("bulk request answered %d: %s\n", status, string.sub(body or "", 1, 600)))
      end
   end
end

function bench_extra(threads)
   local t_ok, t_bad, t_created, t_existing, t_unparsed, t_sent = 0, 0, 0, 0, 0, 0
   local unacked = {}
   for _, t in ipairs(threads) do
      local id = t:get("tid")
      t_ok = t_ok + t:get("ok")
      t_bad = t_bad + t:get("bad")
      t_created = t_created + t:get("created")
      t_existing = t_existing + t:get("existing")
      t_unparsed = t_unparsed + t:get("unparsed")
      t_sent = t_sent + t:get("seq")
      local pending = t:get("inflight")
      if pending then
         table.insert(unacked, id .. ":" .. pending)
      end
      for s in string.gmatch(t:get("lost") or "", "%d+") do
         table.insert(unacked, id .. ":" .. s)
      end
   end
   return string.format("ok=%d bad=%d created=%d existing=%d unparsed=%d sent=%d unacked=%s",
      t_ok, t_bad, t_created, t_existing, t_unparsed, t_sent,
      #unacked > 0 and table.concat(unacked, ",") or "-")
end

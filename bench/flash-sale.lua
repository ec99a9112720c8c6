-- wrk script for flash sale reservations (bench/flash-sale.sh): Magpie's
-- POST /api/v1/flash-sales/{session}/items/{item}/reservations and the naive peer
-- POST /api/v1/flash-sales/bench/naive/{item}/reservations (the URL given to wrk).
-- Each request reserves one unit with a new Idempotency-Key <prefix>-<thread id>-<seq>. The customer
-- is new in every request (<prefix>-<thread id>-<seq>) except every REPEAT_EVERY-th request, which
-- is one of REPEAT_CUSTOMERS returning customers (<prefix>-r<k>): they reach the per-customer limit
-- and get 409 limit_reached from Magpie.
-- Answers are counted by kind: 201 created (the reservation id is kept, see below), 409 sold_out,
-- 409 limit_reached, 429 rate_limited — expected answers, not errors — and anything else as bad.
-- done() writes the ids of every 201 to $FLASH_IDS_DIR/ids-<prefix>.txt, one a line, so the harness
-- can check them against the database; sent - answered = requests still unanswered when wrk stopped.
-- Arguments (after wrk's --): prefix repeat_every repeat_customers

local prefix, repeat_every, repeat_customers

-- per-thread counters, read by bench_extra() through thread:get()
seq = 0
sent = 0
answered = 0
created = 0
created_repeat = 0
repeat_sent = 0
sold_out = 0
limit_reached = 0
rate_limited = 0
bad = 0
unparsed = 0
ids = {}
pfx = ""

local calls = 0

function init(args)
   prefix = args[1]
   pfx = prefix
   repeat_every = tonumber(args[2] or "20")
   repeat_customers = tonumber(args[3] or "200")
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   calls = calls + 1
   seq = seq + 1
   local customer
   local is_repeat = seq % repeat_every == 0
   if is_repeat then
      customer = string.format("%s-r%d", prefix, (tid * 7919 + seq) % repeat_customers)
   else
      customer = string.format("%s-%d-%d", prefix, tid, seq)
   end
   wrk.headers["Idempotency-Key"] = string.format("%s-%d-%d", prefix, tid, seq)
   local req = wrk.format(nil, nil, nil, '{"customer_id":"' .. customer .. '","quantity":1}')
   if tid == 0 and calls == 1 then
      -- wrk calls request() once on the first thread to inspect it and never sends that one
      return req
   end
   sent = sent + 1
   if is_repeat then
      repeat_sent = repeat_sent + 1
   end
   return req
end

function response(status, headers, body)
   answered = answered + 1
   if status == 201 then
      local id = body:match('"reservation_id"%s*:%s*(%d+)')
      if id == nil then
         unparsed = unparsed + 1
         return
      end
      created = created + 1
      ids[created] = id
      if body:match('"customer_id"%s*:%s*"[^"]*%-r%d+"') then
         created_repeat = created_repeat + 1
      end
   elseif status == 409 and body:find('"code"%s*:%s*"sold_out"') then
      sold_out = sold_out + 1
   elseif status == 409 and body:find('"code"%s*:%s*"limit_reached"') then
      limit_reached = limit_reached + 1
   elseif status == 429 then
      rate_limited = rate_limited + 1
   else
      bad = bad + 1
      if bad <= 3 then
         io.stderr:write(string.format("reservation answered %d: %s\n", status, string.sub(body or "", 1, 600)))
      end
   end
end

function bench_extra(threads)
   local c = { sent = 0, answered = 0, created = 0, created_repeat = 0, repeat_sent = 0, sold_out = 0,
      limit_reached = 0, rate_limited = 0, bad = 0, unparsed = 0 }
   local dir = os.getenv("FLASH_IDS_DIR")
   local file = nil
   for _, t in ipairs(threads) do
      for k, _ in pairs(c) do
         c[k] = c[k] + t:get(k)
      end
      if dir and not file then
         file = io.open(dir .. "/ids-" .. t:get("pfx") .. ".txt", "w")
      end
      if file then
         local list = t:get("ids")
         for i = 1, #list do
            file:write(list[i], "\n")
         end
      end
   end
   if file then
      file:close()
   end
   return string.format(
      "sent=%d answered=%d created=%d created_repeat=%d repeat_sent=%d sold_out=%d limit_reached=%d"
         .. " rate_limited=%d bad=%d unparsed=%d inflight=%d",
      c.sent, c.answered, c.created, c.created_repeat, c.repeat_sent, c.sold_out, c.limit_reached,
      c.rate_limited, c.bad, c.unparsed, c.sent - c.answered)
end

-- wrk script for POST /api/v1/carts/evaluate (bench/cart-evaluate.sh).
-- Each request prices a 10-line cart: SKUs, quantities and the customer vary from request to request
-- (deterministically from the thread id and a counter), prices are the catalog's.
-- Arguments (after wrk's --): prefix lines skus customers

local lines, skus, customers
seq = 0
bad = 0

function init(args)
   lines = tonumber(args[2] or "10")
   skus = tonumber(args[3] or "200")
   customers = tonumber(args[4] or "1000")
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   seq = seq + 1
   local n = tid * 1000003 + seq * 7919
   local parts = {}
   for i = 1, lines do
      local k = ((n + i * 104729) % skus) + 1
      local q = (n + i) % 3 + 1
      parts[i] = string.format('{"line_id":"%d","sku":"SKU-%d","quantity":%d,"unit_price":%d}',
         i, k, q, 1000 + (k % 50) * 100)
   end
   local body = string.format('{"lines":[%s],"customer":{"id":"C%d","tier":"GOLD"},"freight":1000}',
      table.concat(parts, ","), (n % customers) + 1)
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   if status ~= 200 then
      bad = bad + 1
   end
end

function bench_extra(threads)
   local b = 0
   for _, t in ipairs(threads) do
      b = b + t:get("bad")
   end
   return string.format("bad=%d", b)
end

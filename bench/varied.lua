-- wrk script: the list of bench/properties.sh with `&minPrice=<n>` added, n different for every
-- request in flight (threads take odd and even n below 80,000; every seeded price is at least
-- $100,000, so the rows and the work are those of the plain list). No two requests in flight
-- share a query string.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local k = 0
request = function()
  k = (k + 1) % 40000
  return wrk.format(nil, wrk.path .. "&minPrice=" .. (id + 2 * k))
end

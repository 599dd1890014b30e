-- wrk script for bench/realistic.sh: traffic as users produce it. Every request comes from the
-- next of many callers (a key of one of many organizations, read from $CALLERS: lines of
-- "key property_id"), and no two requests in flight are alike.
--   MODE=list (default): GET /api/properties with a random mix of the documented filters and
--                        page sizes, in the caller's organization.
--   MODE=get:            GET /api/properties/{id} of a property of the caller's organization.
local callers = {}
for line in io.lines(os.getenv("CALLERS")) do
  local key, id = line:match("(%S+) (%S+)")
  callers[#callers + 1] = { key, id }
end
local mode = os.getenv("MODE") or "list"

local statuses = { "ACTIVE", "PENDING", "SOLD" }
local cities = { "Beverly%20Hills", "Santa%20Monica", "Pasadena", "Malibu", "Burbank", "Glendale", "Venice", "Culver%20City" }
local types = { "SINGLE_FAMILY", "CONDO", "TOWNHOUSE", "LAND", "COMMERCIAL" }
local limits = { 10, 20, 20, 50 }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
function init(args)
  math.randomseed(id * 7919)
  n = id * 9973
end

request = function()
  n = n + 1
  local caller = callers[n % #callers + 1]
  local headers = { Authorization = "Bearer " .. caller[1] }
  if mode == "get" then
    return wrk.format("GET", "/api/properties/" .. caller[2], headers)
  end
  local r = math.random
  local q = "limit=" .. limits[r(#limits)]
  if r(2) == 1 then q = q .. "&status=" .. statuses[r(#statuses)] end
  if r(3) == 1 then q = q .. "&city=" .. cities[r(#cities)] end
  if r(4) == 1 then q = q .. "&propertyType=" .. types[r(#types)] end
  if r(3) == 1 then q = q .. "&minPrice=" .. (100000 + 50000 * r(60)) end
  if r(5) == 1 then q = q .. "&featured=true" end
  return wrk.format("GET", "/api/properties?" .. q, headers)
end

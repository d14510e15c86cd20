-- wrk script: GET the entitlements of a random benchmark worker, as an embassy officer's screen does.
-- Environment: WORKER_IDS (file with one worker id a line), BASIC_AUTH (base64 of user:password), AS_OF.
local ids = {}
for line in io.lines(os.getenv("WORKER_IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local headers = { ["Authorization"] = "Basic " .. os.getenv("BASIC_AUTH") }
local asOf = os.getenv("AS_OF") or "2026-01-01"
math.randomseed(os.time())

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/workers/" .. id .. "/entitlements?asOf=" .. asOf, headers)
end

-- Twenty desk-style queries, repeated: after the first round they are answered from the search cache.
local queries = {"dam", "officials", "rescue+teams", "ceasefire", "killed", "water+supply", "lugo", "hospital", "\"local+hospital\"", "evacuat*",
  "bridge", "police", "election", "minister", "flood", "fire", "residents", "agency", "port", "protest"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/search?q=" .. queries[(i % #queries) + 1])
end
delay = function() return tonumber(os.getenv("WRK_DELAY_MS") or "0") end

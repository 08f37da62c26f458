-- Story pages, one story after another (ids from stories.txt, written by run.sh).
-- WRK_DELAY_MS paces each connection, so connections x 1000 / delay bounds the request rate.
local ids = {}
for line in io.lines(os.getenv("WRK_STORIES") or "stories.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/stories/" .. ids[(i % #ids) + 1])
end
delay = function() return tonumber(os.getenv("WRK_DELAY_MS") or "0") end

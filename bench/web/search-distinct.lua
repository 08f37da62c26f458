-- Each request a different pair of words from the corpus vocabulary (words.txt, written by run.sh):
-- nothing is answered from the search cache, every request is a BM25 pass in SQLite FTS5.
local words = {}
for line in io.lines(os.getenv("WRK_WORDS") or "words.txt") do words[#words + 1] = line end
local counter = 0
-- Each run (and thread) starts elsewhere in the word pairs, so a second run is not answered from the cache either.
setup = function(thread) counter = counter + 1; thread:set("offset", (os.time() % 100000) * 37 + counter * 100000) end
local i = 0
request = function()
  i = i + 1
  local n = (offset or 0) + i
  local w = #words
  return wrk.format("GET", "/search?q=" .. words[(n % w) + 1] .. "+" .. words[((n + math.floor(n / w) + 1) % w) + 1])
end
delay = function() return tonumber(os.getenv("WRK_DELAY_MS") or "0") end

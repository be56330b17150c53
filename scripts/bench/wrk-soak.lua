-- Cycles through the request paths in the file named by WRK_PATHS, one per line; each connection
-- pauses WRK_DELAY_MS (default 0) before each request, to hold a rate below the maximum.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
if pause > 0 then
  delay = function() return pause end
end

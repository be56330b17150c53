-- Cycles through the request paths in the file named by WRK_PATHS, one per line; each connection
-- pauses WRK_DELAY_US microseconds on average (default 0) before each request, to hold a rate below
-- the maximum. wrk's pauses are whole milliseconds, so a pause below one is a 1 ms pause taken with the
-- matching probability (0.4 ms: one request in 0.4 pauses 1 ms).
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local pause_us = tonumber(os.getenv("WRK_DELAY_US") or "0")
local whole, part = math.floor(pause_us / 1000), (pause_us % 1000) / 1000
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
if pause_us > 0 then
  delay = function()
    if math.random() < part then return whole + 1 end
    return whole
  end
end

-- Searches no one asked before: each request takes a path of the file named by WRK_PATHS and adds a
-- radius no other request of the run has (thread number and counter), so no answer is ever kept.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local i = 0
request = function()
  i = i + 1
  local radius = 5 + id * 100 + (i % 90000) / 1000
  return wrk.format("GET", string.format("%s&radius=%.3f", paths[i % #paths + 1], radius))
end

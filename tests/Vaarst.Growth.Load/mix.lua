-- wrk script for run-load.sh: every request is a prerendered page GET by a signed-in person.
-- Usage: wrk -t2 -c50 -d30s -s mix.lua http://127.0.0.1:PORT -- requests.tsv
-- requests.tsv holds "path<TAB>cookie" lines; each thread walks them round-robin (threads start at different lines),
-- so the 50 connections carry 50 people's cookies on their own pages. Requests that do not answer 200 (e.g. a
-- redirect to sign-in) are counted and reported, since wrk itself only flags 4xx/5xx.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.+)$")
    if path then
      table.insert(lines, wrk.format("GET", path, { ["Cookie"] = cookie, ["X-Forwarded-Proto"] = "https", ["Host"] = wrk.host }))
    end
  end
  index = ((id - 1) * 17) % #lines + 1
  not_ok = 0
end

function request()
  local r = lines[index]
  index = index % #lines + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("not_ok")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "LOADRESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f not_200=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect + e.read + e.write + e.timeout))
end

-- wrk script of Benchmarks/web.sh: counts the answers by status and prints the counts at the end,
-- so that a run of redirects to the sign-in page or of 403s never passes for a fast one.
--
--   wrk … -s count.lua URL                          GET URL (the headers given with -H)
--   wrk … -s count.lua URL -- post BODY             POST BODY (form-urlencoded) to URL
--   wrk … -s count.lua URL -- mix BODY GETPATH      alternately GET GETPATH and POST BODY to URL
--
-- Lines printed: "status CODE COUNT", and "location-elsewhere COUNT" for redirects whose Location
-- is not EXPECTED (web.sh sets it through the WEB_LOCATION environment variable).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    counts = {}
    elsewhere = 0
    mode = args[1] or "get"
    expected = os.getenv("WEB_LOCATION")
    if mode == "post" or mode == "mix" then
        local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
        for name, value in pairs(wrk.headers) do headers[name] = value end  -- the cookie, the host
        post = wrk.format("POST", nil, headers, args[2])
    end
    if mode == "mix" then
        -- Only the mix builds each request; GET and POST send one pre-built request (wrk checks
        -- for a request function after init).
        local get = wrk.format("GET", args[3])
        local turn = 0
        request = function()
            turn = turn + 1
            if turn % 2 == 0 then return post end
            return get
        end
    end
    if mode == "post" then
        wrk.method = "POST"
        wrk.body = args[2]
        wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
end

function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
    if status >= 300 and status < 400 and expected
            and (headers["Location"] or headers["location"]) ~= expected then
        elsewhere = elsewhere + 1
    end
end

function done(summary, latency, requests)
    local total, away = {}, 0
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("counts")) do
            total[status] = (total[status] or 0) + count
        end
        away = away + thread:get("elsewhere")
    end
    for status, count in pairs(total) do
        io.write(string.format("status %d %d\n", status, count))
    end
    io.write(string.format("location-elsewhere %d\n", away))
end

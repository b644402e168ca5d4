-- Takes one request's worth from each of a request's buckets, in order, in one round trip (RateLimits).
-- KEYS: for each bucket, its tokens key, then its timestamp key.
-- ARGV: for each bucket, its refill per second, its capacity and what one request costs, in its units.
-- Returns {1, 0, 0} when every bucket gave, or {0, i, left} when bucket i (from 1) had too little: it holds left
-- units, and the buckets after it were not touched. Each bucket is refilled and taken from with the arithmetic of
-- Spring Cloud Gateway's request_rate_limiter.lua, on the same keys, so that gateways running either script share
-- the same buckets.
redis.replicate_commands()

local now = tonumber(redis.call('TIME')[1])

for i = 1, #KEYS / 2 do
  local tokens_key = KEYS[2 * i - 1]
  local timestamp_key = KEYS[2 * i]
  local rate = tonumber(ARGV[3 * i - 2])
  local capacity = tonumber(ARGV[3 * i - 1])
  local requested = tonumber(ARGV[3 * i])

  local ttl = math.floor(capacity / rate * 2)
  local last_tokens = tonumber(redis.call('get', tokens_key)) or capacity
  local last_refreshed = tonumber(redis.call('get', timestamp_key)) or 0

  local filled = math.min(capacity, last_tokens + math.max(0, now - last_refreshed) * rate)
  local allowed = filled >= requested
  local left = allowed and filled - requested or filled

  if ttl > 0 then
    redis.call('setex', tokens_key, ttl, left)
    redis.call('setex', timestamp_key, ttl, now)
  end
  if not allowed then
    return { 0, i, left }
  end
end

return { 1, 0, 0 }

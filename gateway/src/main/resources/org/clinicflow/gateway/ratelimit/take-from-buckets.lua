-- Takes one request's worth from each of a request's buckets, in order, in one round trip (RateLimits).
-- KEYS: for each bucket, its tokens key, then its timestamp key.
-- ARGV: for each bucket, its refill per second, its capacity and what one request costs, in its units.
-- Returns {1, 0, 0} when every bucket gave, or {0, i, left} when bucket i (from 1) had too little: it holds left
-- units, and the buckets after it were not touched. Each bucket is refilled and taken from with the arithmetic of
-- Spring Cloud Gateway's request_rate_limiter.lua, on the same keys, so that gateways running either script share
-- the same buckets.
redis.replicate_commands()

local now = tonumber(redis.call('TIME')[1])

for bucket = 1, #KEYS / 2 do
  local held_key = KEYS[2 * bucket - 1]
  local refilled_key = KEYS[2 * bucket]
  local per_second = tonumber(ARGV[3 * bucket - 2])
  local capacity = tonumber(ARGV[3 * bucket - 1])
  local cost = tonumber(ARGV[3 * bucket])

  -- A bucket left alone for twice the time it takes to fill is full again: its keys may go.
  local expiry = math.floor(capacity / per_second * 2)
  local held = tonumber(redis.call('get', held_key)) or capacity
  local refilled_at = tonumber(redis.call('get', refilled_key)) or 0
  local available = math.min(capacity, held + math.max(0, now - refilled_at) * per_second)

  local enough = available >= cost
  local remaining = available
  if enough then
    remaining = available - cost
  end
  if expiry > 0 then
    redis.call('setex', held_key, expiry, remaining)
    redis.call('setex', refilled_key, expiry, now)
  end
  if not enough then
    return { 0, bucket, remaining }
  end
end

return { 1, 0, 0 }

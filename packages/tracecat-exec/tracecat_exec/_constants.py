"""Every tunable of the client runtime, in one place.

Defaults are chosen for a service that polls an execution: fail fast when the
server can't be reached, give a slow answer a generous read window, and retry
what is likely to be transient a couple of times without stalling the caller.
"""

import httpx2

# Seconds. `connect` bounds reaching the server; `read` bounds each wait for bytes.
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 30.0
DEFAULT_TIMEOUT = httpx2.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)

# Retries after the first attempt; 0 turns retrying off.
DEFAULT_MAX_RETRIES = 2

# Exponential backoff: INITIAL * 2**n, capped, then scaled by a jitter factor
# drawn from [1 - JITTER, 1] so clients that failed together retry apart.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_JITTER = 0.25

# A server-sent Retry-After / retry-after-ms longer than this is not honoured;
# the computed backoff is used instead (a caller rarely wants to block minutes).
MAX_RETRY_AFTER = 60.0

# Statuses worth another attempt: timeout, conflict, rate limit, server errors.
RETRYABLE_STATUSES = frozenset({408, 409, 429})

# Waiting for an execution: first pause between polls, its cap, its growth per
# poll, and the overall deadline (seconds).
DEFAULT_POLL_INTERVAL = 1.0
DEFAULT_MAX_POLL_INTERVAL = 30.0
POLL_BACKOFF_FACTOR = 2.0
DEFAULT_WAIT_TIMEOUT = 600.0

# Waiting on many executions at once (async): at most this many polls in flight.
MAX_CONCURRENT_POLLS = 10
# The rate budget every request of one client (and its `with_options` copies) draws from.
# Pacing: a request may go up to RATE_BURST_WINDOW seconds' worth of the rate early (at least one,
# at most RATE_BURST_MAX requests): a small burst, so a pause in demand is not wasted, without
# letting a queue of waiters land together.
RATE_BURST_WINDOW = 0.1
RATE_BURST_MAX = 10
# A request that wakes this many seconds (or its burst's worth, if more) after its slot was held up
# by a stall of this process (a garbage collection of a large heap), as were all the others due
# meanwhile: it takes a new slot instead of going with them.
RATE_STALL = 0.05
# Adaptive mode (botocore's CUBIC, reshaped by measurement: see `_budget`). After a 429 the rate
# drops to ADAPTIVE_BETA x the rate that was getting through (the answers other than 429 in the
# last ADAPTIVE_THROUGH_WINDOW seconds), climbs back to it in ADAPTIVE_RECOVERY seconds (CUBIC's K)
# and then probes above it along the same cubic, scaled to that rate so that a limit of 5/s and
# one of 5,000/s are probed alike. The same ceiling hit again (within ADAPTIVE_SAME_CEILING)
# doubles K, up to ADAPTIVE_RECOVERY_MAX: a 429 costs a whole Retry-After of nothing sent, so a
# limit that has not moved is probed less and less often. A ceiling well above the last climbs
# back in ADAPTIVE_RECOVERY_FAST. The first 429, before a whole window was measured, knows little:
# the rate climbs from its guess as guess * (1 + ADAPTIVE_GUESS_SCALE * t**3), twice it in 1 s.
ADAPTIVE_BETA = 0.9
ADAPTIVE_MIN_RATE = 0.5
ADAPTIVE_THROUGH_WINDOW = 1.0
ADAPTIVE_RECOVERY = 4.0
ADAPTIVE_RECOVERY_MAX = 32.0
ADAPTIVE_RECOVERY_FAST = 1.0
ADAPTIVE_GUESS_SCALE = 1.0
ADAPTIVE_SAME_CEILING = 0.1
# ... and the curve is anchored at this fraction of it: what got through overstates the limit by
# the burst the server's bucket holds, and an anchor above the limit is a 429 every few seconds.
# (0.95 held 10,000 waits at 240/s under a limit of 250: 0.97 holds 245; each lower ceiling found
# lowers the hold again, so an anchor above the limit does not last.)
ADAPTIVE_HOLD = 0.97
# That hold is already the cut: the curve starts at this fraction of it, not at ADAPTIVE_BETA.
ADAPTIVE_HOLD_BETA = 0.98
# A ceiling this many times the last one means the limit is still being found (the first guess was
# low, or this process could not send faster then): the climb back is fast again.
ADAPTIVE_DISCOVERY = 1.25
# The first 429 before a whole window was measured: the guess is what got through over at least
# this many seconds (a burst answered in 50 ms says nothing of a rate per second); the fast climb
# corrects a guess that is low.
ADAPTIVE_MIN_WINDOW = 1.0
# A 429's Retry-After pauses the whole budget; each waiter then wakes up to this fraction of the
# pause later (at most RATE_PAUSE_JITTER_MAX seconds), and the pacing spreads them from there.
RATE_PAUSE_JITTER = 0.1
RATE_PAUSE_JITTER_MAX = 1.0
# X-RateLimit-Remaining / -Reset: once fewer than this fraction of X-RateLimit-Limit (or this many
# requests, whichever is more) are left, the rest is spread evenly until the reset.
RATE_HINT_FRACTION = 0.2
RATE_HINT_FLOOR = 5
# A reset above this is a Unix time, not seconds from now.
RATE_RESET_EPOCH_AFTER = 100_000_000.0
# Requests in flight at once when `httpx_args` sets no `limits` (httpx2's default pool size).
RATE_MAX_IN_FLIGHT = 100

# The test fake's virtual clock (`testing.FakeAPI`, `_fake_clock`). On an event loop that does not
# expose its ready queue: how many passes with the clock's check queued count as "no task can run".
FAKE_QUIET_PASSES = 32
# Real seconds a thread taking part may sleep with virtual time standing still before time moves on
# anyway (something holds it outside the clock); how often (real seconds) a loop looks again while
# threads taking part run; the default real-time bound of `run_threads`.
FAKE_STALL_SECONDS = 2.0
FAKE_THREAD_RECHECK = 0.001
FAKE_RUN_THREADS_TIMEOUT = 120.0
# The fake's page size for a list whose request sends no limit and whose spec gives no default.
FAKE_PAGE_SIZE = 20

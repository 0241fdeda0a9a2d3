package org.bakusoku.webconsole.internal.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing per client address: after {@code freeAttempts} consecutive failures, every
 * further failure makes the next attempt wait, {@code initialDelayMs} after the first one over the limit and
 * twice as long after each further one, at most {@code maxDelayMs} (exponential back-off as recommended by
 * the OWASP Authentication Cheat Sheet, "Login Throttling"). While an address waits, its attempts are answered
 * at once with the remaining time and not checked, so waiting cannot be skipped by guessing in parallel. A
 * success resets the address.
 *
 * <p>Addresses are kept in a bounded LRU map ({@value #MAX_ADDRESSES}); an evicted address starts afresh,
 * which costs an attacker who controls that many addresses nothing he did not have anyway.
 */
public final class LoginThrottle {

    /** Most addresses remembered at once. */
    static final int MAX_ADDRESSES = 4096;

    private final LongSupplier clockMs;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
    private volatile int freeAttempts;
    private volatile long initialDelayMs;
    private volatile long maxDelayMs;

    private static final class Failures {
        int count;
        long blockedUntilMs;
    }

    /**
     * @param clockMs        monotonic or wall clock, ms
     * @param freeAttempts   consecutive failures allowed without delay, &ge; 0
     * @param initialDelayMs first delay, ms, &gt; 0
     * @param maxDelayMs     longest delay, ms, &ge; initialDelayMs
     */
    public LoginThrottle(LongSupplier clockMs, int freeAttempts, long initialDelayMs, long maxDelayMs) {
        this.clockMs = clockMs;
        configure(freeAttempts, initialDelayMs, maxDelayMs);
    }

    /**
     * @param freeAttempts   consecutive failures allowed without delay, &ge; 0
     * @param initialDelayMs first delay, ms, &gt; 0
     * @param maxDelayMs     longest delay, ms, &ge; initialDelayMs
     */
    public void configure(int freeAttempts, long initialDelayMs, long maxDelayMs) {
        this.freeAttempts = freeAttempts;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    /**
     * @param address client address
     * @return ms the address must still wait before its next attempt is checked; 0 if it may try now
     */
    public synchronized long waitMs(String address) {
        Failures f = byAddress.get(address);
        return f == null ? 0 : Math.max(0, f.blockedUntilMs - clockMs.getAsLong());
    }

    /**
     * Records a failed attempt.
     *
     * @param address client address
     * @return the delay now imposed on the address, ms (0 while it is within its free attempts)
     */
    public synchronized long failure(String address) {
        Failures f = byAddress.computeIfAbsent(address, a -> new Failures());
        f.count++;
        int over = f.count - freeAttempts;
        if (over <= 0) {
            return 0;
        }
        long delay = over > 40 ? maxDelayMs : Math.min(maxDelayMs, initialDelayMs << Math.min(over - 1, 40));
        f.blockedUntilMs = clockMs.getAsLong() + delay;
        return delay;
    }

    /**
     * @param address client address
     * @return consecutive failures recorded for it
     */
    public synchronized int failures(String address) {
        Failures f = byAddress.get(address);
        return f == null ? 0 : f.count;
    }

    /** @param address client address whose login just succeeded */
    public synchronized void success(String address) {
        byAddress.remove(address);
    }
}

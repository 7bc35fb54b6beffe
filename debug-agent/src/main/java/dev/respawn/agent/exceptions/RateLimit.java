package dev.respawn.agent.exceptions;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A few reports a minute for one exception site, so that a loop throwing thousands of times a
 * second does not fill the disk: each site has a bucket of {@code burst} reports that refills
 * at {@code burst} a minute; an exception over it is counted, and the count goes in the site's
 * next report.
 */
final class RateLimit {

    /** What to do with one exception. */
    record Decision(boolean write, long notWrittenBefore, boolean firstRefused) {
    }

    private static final int MAX_SITES = 10_000;

    private final int burst;
    private final Duration refill;
    private final Clock clock;
    private final Map<String, Bucket> sites = new HashMap<>();

    /**
     * @param burst reports a site may write at once, and per {@code period}
     * @param period over which a site's bucket refills completely
     */
    RateLimit(int burst, Duration period, Clock clock) {
        if (burst < 1 || period == null || period.isNegative() || period.isZero() || clock == null) {
            throw new IllegalArgumentException("'burst' must be 1 or more, 'period' positive and 'clock' given");
        }
        this.burst = burst;
        this.refill = period.dividedBy(burst);
        this.clock = clock;
    }

    /** Whether an exception at {@code site} would be written now, without taking its turn. */
    synchronized boolean wouldAllow(String site) {
        Bucket bucket = sites.get(site);
        return bucket == null || bucket.available(clock.millis()) > 0;
    }

    /** Takes a turn for {@code site}: write it (with the count refused since the last one written), or count it. */
    synchronized Decision acquire(String site) {
        if (sites.size() >= MAX_SITES && !sites.containsKey(site)) {
            sites.clear();
        }
        long now = clock.millis();
        Bucket bucket = sites.computeIfAbsent(site, key -> new Bucket(burst, now));
        bucket.refill(now);
        if (bucket.tokens > 0) {
            bucket.tokens--;
            long refused = bucket.refused;
            bucket.refused = 0;
            return new Decision(true, refused, false);
        }
        bucket.refused++;
        return new Decision(false, bucket.refused, bucket.refused == 1);
    }

    private final class Bucket {
        long tokens;
        long at;
        long refused;

        Bucket(long tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        long available(long now) {
            return Math.min(burst, tokens + Math.max(0, now - at) / refill.toMillis());
        }

        /** Adds the reports earned since {@code at}, keeping the time already spent towards the next. */
        void refill(long now) {
            long earned = Math.max(0, now - at) / refill.toMillis();
            if (earned > 0) {
                tokens = Math.min(burst, tokens + earned);
                at = tokens == burst ? now : at + earned * refill.toMillis();
            }
        }
    }
}

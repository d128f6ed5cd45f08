package org.citygrid.api.testkit

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock the spec moves on by hand, so that expiry is tested without waiting on the wall clock. */
class SettableClock extends Clock {

    volatile Instant now

    SettableClock(Instant start = Instant.now()) {
        now = start
    }

    void advance(Duration by) {
        now = now + by
    }

    @Override
    Instant instant() { now }

    @Override
    ZoneId getZone() { ZoneOffset.UTC }

    @Override
    Clock withZone(ZoneId zone) { throw new UnsupportedOperationException('UTC only') }
}

package org.citygrid.api.testkit

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/**
 * The wall clock moved on by hand: time passes as usual (tokens the JWT library signs with the real
 * time still verify), and a spec jumps a month ahead without waiting for it.
 */
class OffsetClock extends Clock {

    volatile Duration offset = Duration.ZERO

    void advance(Duration by) {
        offset = offset + by
    }

    void reset() {
        offset = Duration.ZERO
    }

    @Override
    Instant instant() { Instant.now() + offset }

    @Override
    ZoneId getZone() { ZoneOffset.UTC }

    @Override
    Clock withZone(ZoneId zone) { throw new UnsupportedOperationException('UTC only') }
}

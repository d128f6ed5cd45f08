package org.citygrid.api.ratelimit;

import java.time.Duration;

/** A limit's window in words, for the 429's message: "10 分钟" / "10 min". */
final class Durations {

    private Durations() {
    }

    static String zh(Duration d) {
        return whole(d, " 天", " 小时", " 分钟", " 秒");
    }

    static String en(Duration d) {
        return whole(d, " d", " h", " min", " s");
    }

    private static String whole(Duration d, String day, String hour, String minute, String second) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + day;
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + hour;
        }
        if (s % 60 == 0) {
            return s / 60 + minute;
        }
        return s + second;
    }
}

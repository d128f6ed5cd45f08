package org.citygrid.api.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * A message for one person, typed by what it is about. Each kind knows its words (Chinese and English), the
 * data an app needs to open what it is about, and a key that says what it is for, so that a message handed
 * over twice (a topic record read again) reaches the person once.
 */
public sealed interface PersonMessage {

    /** The account the message is for. */
    String accountId();

    /** What it is for, stable across repeats, e.g. {@code report-refused:<reportId>}. */
    String key();

    String titleZh();

    String titleEn();

    String bodyZh();

    String bodyEn();

    /** What the app needs: {@code what}, and the ids to open. */
    Map<String, String> data();

    /**
     * The case cycle refused a person's report, so no case was made of it.
     *
     * @param reportId the report's id ({@code GET /api/v1/reports/{id}})
     * @param reason   the refusal's reason code, e.g. {@code OUTSIDE_MANAGED_AREA}
     * @param zh       what it means, in Chinese, e.g. 位置不在本市管理网格内
     * @param en       the same in English
     */
    record ReportRefused(String accountId, String reportId, String reason, String zh, String en, Instant at)
            implements PersonMessage {

        @Override
        public String key() {
            return "report-refused:" + reportId;
        }

        @Override
        public String titleZh() {
            return "举报未受理";
        }

        @Override
        public String titleEn() {
            return "Report not taken";
        }

        @Override
        public String bodyZh() {
            return "您的举报未能受理：" + zh;
        }

        @Override
        public String bodyEn() {
            return "Your report could not be taken: " + en;
        }

        @Override
        public Map<String, String> data() {
            return Map.of("what", "REPORT_REFUSED", "reportId", reportId, "reason", reason);
        }
    }
}

package org.citygrid.cloud.keys;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import org.citygrid.model.hash.Sha256;

/**
 * Case ids, and the community code every partitioning decision is made on.
 *
 * <p>A case id is {@code <grid code>-<yyMMdd>-<8 hex>}: the grid code of the first report, its
 * Beijing date (for people reading lists), and a hash of the intake id. The grid code comes first
 * so that the community code (its first 12 digits) can be read from any case id, which is how a
 * command finds the partition of its case without a lookup. The hash makes a resent report map to
 * the same id, so the state machine sees "case exists" rather than opening a second case.
 */
public final class CaseIds {

    /** County (6) + street (3) + community (3) digits. */
    public static final int COMMUNITY_CODE_LENGTH = 12;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(BEIJING);

    private CaseIds() {
    }

    /** The id of the case a first report opens. */
    public static String forReport(String gridCode, Instant reportedAt, String intakeId) {
        if (!isGridCode(gridCode)) {
            throw new IllegalArgumentException("a unit grid code has 14 or 15 digits, not '" + gridCode + "'");
        }
        return gridCode + "-" + DAY.format(reportedAt) + "-" + hash8(intakeId);
    }

    /**
     * The community code a key belongs to: the key itself when it is a community code, the first
     * 12 digits of a grid code or of a case id.
     */
    public static Optional<String> communityOf(String key) {
        if (key == null || key.length() < COMMUNITY_CODE_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < COMMUNITY_CODE_LENGTH; i++) {
            char ch = key.charAt(i);
            if (ch < '0' || ch > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(key.substring(0, COMMUNITY_CODE_LENGTH));
    }

    /** The grid code a case id starts with. */
    public static Optional<String> gridOf(String caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        int dash = caseId.indexOf('-');
        String grid = dash < 0 ? caseId : caseId.substring(0, dash);
        return isGridCode(grid) ? Optional.of(grid) : Optional.empty();
    }

    public static boolean isGridCode(String code) {
        return code != null && (code.length() == 14 || code.length() == 15)
                && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static String hash8(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text), 0, 4);
    }
}

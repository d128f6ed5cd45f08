package org.citygrid.api.reports;

import java.util.Map;
import org.citygrid.model.intake.IntakeRejection;

/**
 * Why the case cycle refused a report, told to its reporter in Chinese and English. The case cycle's
 * own message is for staff (it names distances and codes); a reporter is told what it means for them.
 */
public final class RefusalReasons {

    /** What a reporter reads for one reason. */
    public record Text(String zh, String en) {

        /** Chinese, then English. */
        public String both() {
            return zh + " / " + en;
        }
    }

    private static final Map<IntakeRejection.Reason, Text> TEXTS = Map.of(
            IntakeRejection.Reason.OUTSIDE_MANAGED_AREA,
            new Text("位置不在本市管理网格内", "The position is outside the managed grids"),
            IntakeRejection.Reason.UNKNOWN_CATEGORY,
            new Text("问题类别不在本市目录中", "The category is not in the city's catalogue"),
            IntakeRejection.Reason.MALFORMED,
            new Text("举报内容无法读取", "The report could not be read"),
            IntakeRejection.Reason.UNKNOWN_SENSOR_TYPE,
            new Text("传感器类型未登记", "The sensor type is not registered"),
            IntakeRejection.Reason.UNMATCHED_CLEAR,
            new Text("没有与之对应的告警", "There is no alarm to clear"));

    private static final Text UNKNOWN = new Text("举报未被受理", "The report was not taken");

    private RefusalReasons() {
    }

    /** The text for a reason code; a code this build does not know still gets a sentence. */
    public static Text of(String reason) {
        try {
            return TEXTS.getOrDefault(IntakeRejection.Reason.valueOf(reason), UNKNOWN);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNKNOWN;
        }
    }
}

package org.citygrid.api.push;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.citygrid.model.category.Category;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.Department;
import org.citygrid.model.category.LocalizedText;

/**
 * The words of every message people get about a case, in Chinese and English (GB/T 30428 terms: 立案,
 * 派遣, 处置, 核实, 核查, 结案), naming the problem by its category and the step taken:
 * "您上报的「上水井盖」已派遣至自来水" / "Your report 'Water-supply manhole cover' was dispatched to Water supply".
 * Times are Beijing time. One table, so that the push a phone shows and the inbox entry are the same words.
 */
@Singleton
public final class MessageTexts {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA).withZone(CITY);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK).withZone(CITY);

    private final CategoryCatalogue catalogue;

    /** With the catalogue shipped with CityGrid, the one the case cycle uses. */
    @Inject
    public MessageTexts() {
        this(CategoryCatalogue.loadDefault());
    }

    public MessageTexts(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A message's title and body in both languages. */
    public record Text(LocalizedText title, LocalizedText body) {
    }

    /** The words for {@code m}, or nothing for a step its reader is not told of. */
    public Optional<Text> of(CaseMessage m) {
        Names n = new Names(category(m.categoryCode()), department(m.department()), m.gridCode(), m.reason(), m.deadline(),
                m.caseId());
        return Optional.ofNullable(switch (m.reader()) {
            case REPORTER -> toReporter(m, n);
            case STAFF -> toStaff(m, n);
            case PUBLIC -> toPublic(m, n);
        });
    }

    private static Text toReporter(CaseMessage m, Names n) {
        String c = n.category;
        String e = n.categoryEn;
        return switch (m.what()) {
            case "REPORT_RECEIVED" -> text("「" + c + "」已收到", "您上报的「" + c + "」已收到，案件编号 " + n.caseId + "。",
                    "'" + e + "' received", "Your report '" + e + "' was received as case " + n.caseId + ".");
            case "REPORT_MERGED" -> text("「" + c + "」已合并", "您上报的「" + c + "」与附近已上报的同一问题合并处理，您会收到它的进展。",
                    "'" + e + "' joined a case", "Your report '" + e + "' joined the same problem reported nearby; you will hear how it goes.");
            case "REPORT_VERIFIED" -> Boolean.FALSE.equals(m.found())
                    ? text("「" + c + "」现场未发现", "网格员到现场未发现您上报的「" + c + "」所述情况" + n.zhBecause()
                            + "，由监督中心决定是否立案。",
                    "'" + e + "' not found on site", "A grid worker did not find '" + e + "' as reported" + n.enBecause()
                            + "; the supervision centre will decide.")
                    : text("「" + c + "」已核实", "网格员已到现场核实您上报的「" + c + "」，情况属实。",
                    "'" + e + "' verified", "A grid worker confirmed your report '" + e + "' on site.");
            case "CASE_FILED" -> text("「" + c + "」已立案", "您上报的「" + c + "」已立案。",
                    "'" + e + "' accepted", "Your report '" + e + "' was accepted as a case.");
            case "CASE_DISMISSED" -> text("「" + c + "」不予立案", "您上报的「" + c + "」不予立案" + n.zhBecause() + "。",
                    "'" + e + "' not taken up", "Your report '" + e + "' was not taken up" + n.enBecause() + ".");
            case "CASE_DISPATCHED" -> text("「" + c + "」已派遣", "您上报的「" + c + "」已派遣至" + n.department + "。",
                    "'" + e + "' dispatched", "Your report '" + e + "' was dispatched to " + n.departmentEn + ".");
            case "CASE_IN_PROGRESS" -> text("「" + c + "」处置中", n.department + "已受理您上报的「" + c + "」，正在处置。",
                    "'" + e + "' in progress", n.departmentEn + " accepted your report '" + e + "' and is working on it.");
            case "CASE_SUSPENDED" -> text("「" + c + "」暂缓办理", "您上报的「" + c + "」暂缓办理" + n.zhBecause() + "。",
                    "'" + e + "' on hold", "Your report '" + e + "' is on hold" + n.enBecause() + ".");
            case "CASE_RESUMED" -> text("「" + c + "」恢复办理", "您上报的「" + c + "」已恢复办理。",
                    "'" + e + "' resumed", "Work on your report '" + e + "' has resumed.");
            case "CASE_HANDLED" -> text("「" + c + "」已处置", n.department + "已处置完您上报的「" + c + "」，等待网格员现场核查。",
                    "'" + e + "' handled", n.departmentEn + " reports '" + e + "' handled; a grid worker will check it on site.");
            case "CHECK_FAILED" -> text("「" + c + "」返工", "您上报的「" + c + "」现场核查未通过，已退回返工" + n.zhBecause() + "。",
                    "'" + e + "' back for rework", "The on-site check of '" + e + "' found more to do" + n.enBecause()
                            + "; it went back for rework.");
            case "CASE_CLOSED" -> text("「" + c + "」已结案", "您上报的「" + c + "」已结案，请对处理结果进行评价。",
                    "'" + e + "' closed", "Your report '" + e + "' is closed. Please rate the result.");
            case "CASE_VOIDED" -> text("「" + c + "」已作废", "您上报的「" + c + "」已作废" + n.zhBecause() + "。",
                    "'" + e + "' withdrawn", "Your report '" + e + "' was withdrawn" + n.enBecause() + ".");
            case "REPORT_REFUSED" -> text("「" + c + "」未能受理", "您上报的「" + c + "」未能受理" + n.zhBecause() + "。",
                    "'" + e + "' not accepted", "Your report '" + e + "' could not be accepted" + n.enBecause() + ".");
            default -> null;
        };
    }

    private static Text toStaff(CaseMessage m, Names n) {
        String c = "「" + n.category + "」（网格 " + n.grid + "）";
        String e = "'" + n.categoryEn + "' in grid " + n.grid;
        return switch (m.what()) {
            case "VERIFY_NEEDED" -> text("待核实：" + n.category, c + "有群众上报，请到现场核实。",
                    "To verify: " + n.categoryEn, e + " was reported: please verify it on site.");
            case "CHECK_NEEDED" -> text("待核查：" + n.category, c + "已处置，请到现场核查。",
                    "To check: " + n.categoryEn, e + " is reported handled: please check it on site.");
            case "TASK_ASSIGNED" -> text("新任务：" + n.category, c + "派给您处置，请受理或退回。",
                    "New task: " + n.categoryEn, e + " was dispatched to you: please accept it or return it.");
            case "TASK_WITHDRAWN" -> text("任务已改派：" + n.category, c + "已改派其他部门。",
                    "Task withdrawn: " + n.categoryEn, e + " was sent to another department.");
            case "REWORK" -> text("返工：" + n.category, c + "现场核查未通过，退回返工" + n.zhBecause() + "。",
                    "Rework: " + n.categoryEn, e + " failed its on-site check and comes back to you" + n.enBecause() + ".");
            case "EXTENSION_APPROVED" -> text("延期已批准：" + n.category, c + "的延期申请已批准。",
                    "Extension approved: " + n.categoryEn, e + ": you have more time.");
            case "EXTENSION_REJECTED" -> text("延期未批准：" + n.category, c + "的延期申请未批准" + n.zhBecause() + "。",
                    "Extension refused: " + n.categoryEn, e + ": the deadline stands" + n.enBecause() + ".");
            case "CASE_SUSPENDED" -> text("任务缓办：" + n.category, c + "暂缓办理，计时暂停" + n.zhBecause() + "。",
                    "Task on hold: " + n.categoryEn, e + " is suspended; its clock has stopped" + n.enBecause() + ".");
            case "CASE_RESUMED" -> text("任务恢复：" + n.category, c + "恢复办理。",
                    "Task resumed: " + n.categoryEn, e + " is active again.");
            case "ALARM_CLEARED" -> text("报警已解除：" + n.category, c + "的传感器报警已解除，请确认原因已消除。",
                    "Alarm cleared: " + n.categoryEn, e + ": the sensor is back to normal; confirm the cause is fixed.");
            case "CASE_RATED" -> text("案件已评价：" + n.category, c + "已获上报人评价。",
                    "Case rated: " + n.categoryEn, e + " was rated by its reporter.");
            case "DEADLINE_APPROACHING" -> text("即将到期：" + n.category, c + "将于" + n.zhDeadline() + "到期。",
                    "Deadline approaching: " + n.categoryEn, e + " is due " + n.enDeadline() + ".");
            case "OVERDUE" -> text("已超时：" + n.category, c + "已超过处理时限（" + n.zhDeadline() + "）。",
                    "Overdue: " + n.categoryEn, e + " is past its deadline (" + n.enDeadline() + ").");
            default -> null;
        };
    }

    private static Text toPublic(CaseMessage m, Names n) {
        return switch (m.what()) {
            case "CASE_FILED" -> text("社区问题已立案", "社区内的「" + n.category + "」已立案处理。",
                    "Problem taken up", "'" + n.categoryEn + "' in your community is now a case.");
            case "CASE_CLOSED" -> text("社区问题已解决", "社区内的「" + n.category + "」已处理结案。",
                    "Problem fixed", "'" + n.categoryEn + "' in your community is fixed and closed.");
            default -> null;
        };
    }

    private static Text text(String zhTitle, String zhBody, String enTitle, String enBody) {
        return new Text(LocalizedText.of(zhTitle, enTitle), LocalizedText.of(zhBody, enBody));
    }

    private LocalizedText category(String code) {
        if (code == null || code.isBlank()) {
            return LocalizedText.of("问题", "problem");
        }
        try {
            return catalogue.byCode(code).map(Category::name).orElse(LocalizedText.of(code, code));
        } catch (IllegalArgumentException e) {
            return LocalizedText.of(code, code);
        }
    }

    /** A department by its code; a territorial one is written {@code STREET_OFFICE:110101001} on a case. */
    private LocalizedText department(String code) {
        if (code == null || code.isBlank()) {
            return LocalizedText.of("处置部门", "the department");
        }
        String base = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        return catalogue.department(base).map(Department::name).orElse(LocalizedText.of(code, code));
    }

    /** The names a message is made of, in both languages. */
    private record Names(String category, String categoryEn, String department, String departmentEn, String grid,
                         String reason, Instant deadline, String caseId) {

        Names(LocalizedText category, LocalizedText department, String grid, String reason, Instant deadline,
              String caseId) {
            this(category.zh(), category.en(), department.zh(), department.en(), grid == null ? "" : grid, reason,
                    deadline, caseId);
        }

        String zhBecause() {
            return reason == null ? "" : "：" + reason;
        }

        String enBecause() {
            return reason == null ? "" : ": " + reason;
        }

        String zhDeadline() {
            return deadline == null ? "规定时限" : ZH_TIME.format(deadline);
        }

        String enDeadline() {
            return deadline == null ? "at its time limit" : EN_TIME.format(deadline) + " Beijing time";
        }
    }
}

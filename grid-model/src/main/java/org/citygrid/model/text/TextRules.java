package org.citygrid.model.text;

/**
 * The rule of each kind of text field, the same for every entry (edge node, API, Open311); see the
 * package documentation for the table and {@link TextRule} for what each check refuses and why.
 * Each method returns the rule under its default field name; {@link TextRule#named} renames it.
 */
public final class TextRules {

    /** Most code points in a description: a few paragraphs, as the API has always taken. */
    public static final int DESCRIPTION_MAX = 2000;
    /** Most code points in a note on a case step: a reason or remark, shorter than a description. */
    public static final int NOTE_MAX = 1000;
    /** Most code points in a label. */
    public static final int LABEL_MAX = 64;
    /** Most characters in any id. */
    public static final int ID_MAX = 64;

    private static final TextViolation.AllowedCharacters REPORTER_CHARACTERS = new TextViolation.AllowedCharacters(
            "字母、数字和 . _ @ : -（以字母或数字开头，1–64 个）",
            "letters, digits and . _ @ : - (starting with a letter or digit, 1 to 64 of them)");
    private static final TextViolation.AllowedCharacters DEVICE_CHARACTERS = new TextViolation.AllowedCharacters(
            "字母、数字和 . _ -（以字母或数字开头，1–64 个）",
            "letters, digits and . _ - (starting with a letter or digit, 1 to 64 of them)");
    private static final TextViolation.AllowedCharacters REPORT_CHARACTERS = new TextViolation.AllowedCharacters(
            "字母、数字和 . _ -（1–64 个）", "letters, digits and . _ - (1 to 64 of them)");

    private static final TextRule DESCRIPTION = TextRule.freeText("description", TextRule.Shape.MULTI_LINE, DESCRIPTION_MAX);
    private static final TextRule NOTE = TextRule.freeText("note", TextRule.Shape.MULTI_LINE, NOTE_MAX);
    private static final TextRule LABEL = TextRule.freeText("label", TextRule.Shape.ONE_LINE, LABEL_MAX);
    private static final TextRule REPORTER_ID = TextRule.identifier("reporter", ID_MAX, TextRules::letterOrDigit,
            c -> letterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == ':' || c == '-', REPORTER_CHARACTERS);
    private static final TextRule DEVICE_ID = TextRule.identifier("device", ID_MAX, TextRules::letterOrDigit,
            TextRules::deviceCharacter, DEVICE_CHARACTERS);
    private static final TextRule REPORT_ID = TextRule.identifier("id", ID_MAX, TextRules::deviceCharacter,
            TextRules::deviceCharacter, REPORT_CHARACTERS);

    private TextRules() {
    }

    /** What a person wrote about a problem: a report's description, a patrol report's text. */
    public static TextRule description() {
        return DESCRIPTION;
    }

    /** A reason or remark on a case step (return, extension, check result). */
    public static TextRule note() {
        return NOTE;
    }

    /** A short single-line value: a measurement unit, a title shown in a list. */
    public static TextRule label() {
        return LABEL;
    }

    /** The id of the account (or device) a report is filed under. */
    public static TextRule reporterId() {
        return REPORTER_ID;
    }

    /** A sensor's or field device's id, as registered at its edge node. */
    public static TextRule deviceId() {
        return DEVICE_ID;
    }

    /** A device's own id for one of its reports, kept by the device across retries. */
    public static TextRule reportId() {
        return REPORT_ID;
    }

    private static boolean letterOrDigit(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean deviceCharacter(int c) {
        return letterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }
}

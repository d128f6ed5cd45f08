package org.citygrid.model.text;

import java.util.Locale;

/**
 * One way a value breaks its {@link TextRule}, with a message for the person who has to fix it, in
 * Chinese first and English beside it. Messages name the field and the character by its position
 * and code point, never by quoting the value: the value may be exactly what must not be echoed
 * (a control character in a log line, a tag in a page).
 *
 * @param field     the field's name as the caller knows it, e.g. {@code text} or {@code description}
 * @param kind      what is wrong
 * @param position  1-based position, in code points, of the first offending character; 0 when the
 *                  violation is about the whole value ({@link Kind#EMPTY}, {@link Kind#TOO_LONG})
 * @param codePoint the first offending character, or -1
 * @param limit     for {@link Kind#TOO_LONG}, the most code points allowed; otherwise 0
 * @param length    for {@link Kind#TOO_LONG}, the value's length in code points; otherwise 0
 * @param allowed   for {@link Kind#CHARACTER_NOT_ALLOWED}, the allowed characters in words (Chinese,
 *                  English); otherwise {@code null}
 */
public record TextViolation(String field, Kind kind, int position, int codePoint, int limit, int length,
                            AllowedCharacters allowed) {

    /** What is wrong with a value. */
    public enum Kind {
        /** A required value (an id) is empty. */
        EMPTY,
        /** More code points than the field takes. */
        TOO_LONG,
        /** A C0 or C1 control character, DEL, or a line break or tab in a single-line field. */
        CONTROL_CHARACTER,
        /** An invisible formatting character that can make text read differently from what it is. */
        FORMAT_CHARACTER,
        /** A lone surrogate or a Unicode noncharacter: not text at all. */
        INVALID_CHARACTER,
        /** Something that reads as markup or a script: a tag, or a {@code javascript:} link. */
        MARKUP,
        /** A character outside an id's allowed set. */
        CHARACTER_NOT_ALLOWED
    }

    /** An id's allowed characters, described for people in both languages. */
    public record AllowedCharacters(String zh, String en) {
    }

    /** What to fix, in Chinese. */
    public String zh() {
        return switch (kind) {
            case EMPTY -> field + " 不能为空，请填写";
            case TOO_LONG -> field + " 最多 " + limit + " 个字符，现有 " + length + " 个，请删减";
            case CONTROL_CHARACTER -> isLineBreakOrTab()
                    ? field + " 须为单行：第 " + position + " 个字符是换行符或制表符（" + hex() + "），请删除"
                    : field + " 第 " + position + " 个字符是控制字符（" + hex() + "），请删除";
            case FORMAT_CHARACTER -> field + " 第 " + position + " 个字符是不可见的格式控制符（" + hex()
                    + "），会让文字显示得与实际不同，请删除";
            case INVALID_CHARACTER -> field + " 第 " + position + " 个字符（" + hex() + "）不是有效的文字字符，请删除";
            case MARKUP -> field + " 只接受纯文本：第 " + position + " 个字符起像是标记或脚本（“<”后接字母、“/”、“!”或“?”，"
                    + "或“javascript:”），请改写";
            case CHARACTER_NOT_ALLOWED -> field + " 只能由" + allowed.zh() + "组成：第 " + position + " 个字符（"
                    + hex() + "）不可用";
        };
    }

    /** What to fix, in English. */
    public String en() {
        return switch (kind) {
            case EMPTY -> field + " must not be empty: fill it in";
            case TOO_LONG -> field + " may have at most " + limit + " characters, this one has " + length + ": shorten it";
            case CONTROL_CHARACTER -> isLineBreakOrTab()
                    ? field + " must be one line: remove the line break or tab (" + hex() + ") at character " + position
                    : field + " has a control character (" + hex() + ") at character " + position + ": remove it";
            case FORMAT_CHARACTER -> field + " has an invisible formatting character (" + hex() + ") at character "
                    + position + ", which makes text read differently from what it is: remove it";
            case INVALID_CHARACTER -> field + " has something that is not a character (" + hex() + ") at character "
                    + position + ": remove it";
            case MARKUP -> field + " takes plain text only: what starts at character " + position
                    + " reads as markup or script ('<' followed by a letter, '/', '!' or '?', or 'javascript:'): rewrite it";
            case CHARACTER_NOT_ALLOWED -> field + " may only have " + allowed.en() + ": character " + position + " ("
                    + hex() + ") is not allowed";
        };
    }

    /** Both languages, Chinese first: what a refusal shows. */
    public String message() {
        return zh() + " / " + en();
    }

    @Override
    public String toString() {
        return message();
    }

    private boolean isLineBreakOrTab() {
        return codePoint == '\n' || codePoint == '\t';
    }

    private String hex() {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}

package org.citygrid.contracts.boundaries

/**
 * The string literals of a Java source file, with their escapes read: what the code says, not what
 * its comments, character literals or identifiers say. A text block counts as one literal, its
 * indentation and closing line break removed.
 */
final class JavaStringLiterals {

    private JavaStringLiterals() {
    }

    static List<String> of(String source) {
        List<String> found = []
        int i = 0
        int n = source.length()
        while (i < n) {
            char ch = source.charAt(i)
            if (source.startsWith('//', i)) {
                i = endOf(source, '\n', i + 2)
            } else if (source.startsWith('/*', i)) {
                i = endOf(source, '*/', i + 2)
            } else if (source.startsWith('"""', i)) {
                int end = source.indexOf('"""', i + 3)
                found << textBlock(source.substring(i + 3, end))
                i = end + 3
            } else if (ch == '"' as char || ch == "'" as char) {
                int j = i + 1
                StringBuilder text = new StringBuilder()
                while (source.charAt(j) != ch) {
                    if (source.charAt(j) == '\\' as char) {
                        text.append(unescape(source.charAt(j + 1)))
                        j += 2
                    } else {
                        text.append(source.charAt(j++))
                    }
                }
                if (ch == '"' as char) {
                    found << text.toString()
                }
                i = j + 1
            } else {
                i++
            }
        }
        found
    }

    private static int endOf(String source, String marker, int from) {
        int end = source.indexOf(marker, from)
        end < 0 ? source.length() : end + marker.length()
    }

    private static String textBlock(String raw) {
        raw.substring(raw.indexOf('\n') + 1).stripIndent().replaceAll(/\n$/, '')
    }

    private static String unescape(char ch) {
        switch (ch) {
            case 'n': return '\n'
            case 't': return '\t'
            case 'r': return '\r'
            default: return String.valueOf(ch)
        }
    }
}

package org.citygrid.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A demo command line (demo, bench, drill), read one option at a time. Every way an option's value can be wrong
 * ends in a {@link DemoException} that names the option and what it wants, worded the same in every command.
 */
public final class Arguments {
    private final Deque<String> left;
    private final String usage;

    /** @param usage added after "needs a value", so that a forgotten value shows what the options are */
    public Arguments(List<String> args, String usage) {
        this.left = new ArrayDeque<>(args);
        this.usage = usage;
    }

    public boolean hasNext() {
        return !left.isEmpty();
    }

    /** The next option (or stray word) on the line. */
    public String next() {
        return left.removeFirst();
    }

    /** The value that must follow {@code option}: the next word, unless it is another option. */
    public String value(String option) {
        if (left.isEmpty() || left.peekFirst().startsWith("--")) {
            throw new DemoException(option + " needs a value" + (usage.isEmpty() ? "" : "\n" + usage));
        }
        return left.removeFirst();
    }

    public double aboveZero(String option) {
        String text = value(option);
        double n = decimal(option, text);
        if (!(n > 0)) {
            throw new DemoException(option + " must be above 0, not " + text);
        }
        return n;
    }

    public double zeroOrMore(String option) {
        String text = value(option);
        double n = decimal(option, text);
        if (!(n >= 0)) {
            throw new DemoException(option + " must not be below 0, not " + text);
        }
        return n;
    }

    public int atLeast(String option, int min) {
        int n = wholeNumber(option);
        if (n < min) {
            throw new DemoException(option + " must be at least " + min + ", not " + n);
        }
        return n;
    }

    public int wholeNumber(String option) {
        String text = value(option);
        try {
            return Integer.parseInt(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new DemoException(option + " wants a whole number, not '" + text + "'", e);
        }
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DemoException(option + " wants a number, not '" + text + "'", e);
        }
    }
}

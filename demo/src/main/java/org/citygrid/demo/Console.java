package org.citygrid.demo;

import java.io.PrintStream;

/** The demo's progress lines on the terminal, one prefix so they stand out from anything else printed. */
public final class Console {
    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public static Console system() {
        return new Console(System.out);
    }

    public void say(String line) {
        out.println("[demo] " + line);
        out.flush();
    }

    /** Lines printed as they are, e.g. the block with the addresses and accounts. */
    public void block(String text) {
        out.println(text);
        out.flush();
    }
}

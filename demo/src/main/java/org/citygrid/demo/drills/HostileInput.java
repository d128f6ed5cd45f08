package org.citygrid.demo.drills;

/**
 * One input of the poison drill's corpus: which entry it goes through, what is wrong with it, and how it is sent.
 *
 * @param entry e.g. {@code CoAP /r}, {@code API reports}, {@code topic grid.intake}
 * @param what  what is wrong with it, for the table
 * @param send  sends it once and says what the entry answered
 */
record HostileInput(String entry, String what, Sender send) {

    /** Sends the input; never throws for an answer it does not like, only records it. */
    @FunctionalInterface
    interface Sender {
        HostileAnswer send() throws Exception;
    }
}

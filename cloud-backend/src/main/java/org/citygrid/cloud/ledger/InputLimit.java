package org.citygrid.cloud.ledger;

/**
 * The largest intake record or command the case cycle takes, in bytes as it arrives. The entries
 * (edge nodes, mobile-api, Open311) cap each text at 2,000 characters, well inside this; the case
 * cycle checks again because a producer can write straight onto its topics. It is what keeps every
 * record the case cycle writes (a stored case keeps its first report and the last few, docs/cloud-backend.md)
 * far below Kafka's one-megabyte record limit, whatever arrives.
 */
public final class InputLimit {

    /** 16 KiB: a 2,000-character Chinese description is 6,000 bytes of UTF-8. */
    public static final int MAX_RECORD_BYTES = 16 * 1024;

    private InputLimit() {
    }

    /** Why a record of this size is refused, or null when it is taken. */
    public static String problem(byte[] bytes, String what) {
        if (bytes == null || bytes.length <= MAX_RECORD_BYTES) {
            return null;
        }
        return "a" + (what.startsWith("i") ? "n " : " ") + what + " is at most " + MAX_RECORD_BYTES + " bytes; this one is "
                + bytes.length;
    }
}

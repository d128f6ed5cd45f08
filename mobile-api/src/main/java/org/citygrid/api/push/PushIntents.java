package org.citygrid.api.push;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Every push the API sent or would have sent, with its outcome (api.push_intents). */
public interface PushIntents {

    /** The targets that already have an outcome other than FAILED for {@code messageKey}. */
    Set<String> servedBefore(String messageKey);

    /** Records one send; {@code dataJson} is the message's data as a JSON object. */
    void record(String messageKey, Intent intent, String dataJson);

    /** Deletes the pushes recorded before {@code before}; returns how many. */
    int purgeOlderThan(Instant before);

    /** The latest {@code limit} intents, newest first. */
    List<Intent> latest(int limit);

    /** One push to one target; {@code id} is 0 until stored. */
    record Intent(long id, String target, String title, String body, String outcome, String detail, Instant at) {
    }
}

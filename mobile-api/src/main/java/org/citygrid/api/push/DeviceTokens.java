package org.citygrid.api.push;

import java.time.Instant;
import java.util.List;

/** People's devices' push tokens (api.device_tokens). */
public interface DeviceTokens {

    /** Adds the token, or moves it to {@code accountId} when another account had it. */
    void register(String token, String accountId, String platform, Instant now);

    /** Removes the token if it belongs to {@code accountId}; true when it did. */
    boolean remove(String token, String accountId);

    /** FCM said the token is dead: forget it whoever owns it. */
    void prune(String token);

    /** Every token of these accounts, in token order. */
    List<String> ofAccounts(List<String> accountIds);

    default List<String> ofAccount(String accountId) {
        return ofAccounts(List.of(accountId));
    }
}

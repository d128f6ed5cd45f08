package org.citygrid.api.push;

import java.time.Instant;
import java.util.List;
import org.citygrid.api.i18n.Language;

/** People's devices' push tokens (api.device_tokens), each with the push provider that issued it and its language. */
public interface DeviceTokens {

    /** Adds the device, or moves its token to {@code accountId} when another account had it (a shared phone). */
    void register(String token, String accountId, String platform, String provider, Language language, Instant now);

    /** Removes the token if it belongs to {@code accountId}; true when it did. */
    boolean remove(String token, String accountId);

    /** The push service said the token is dead: forget it whoever owns it. */
    void prune(String token);

    /** Every device of these accounts, in token order. */
    List<Device> ofAccounts(List<String> accountIds);

    default List<Device> ofAccount(String accountId) {
        return ofAccounts(List.of(accountId));
    }

    /**
     * One registered device.
     *
     * @param provider the {@link PushChannel#provider()} its token is for
     * @param language what its messages are written in
     */
    record Device(String token, String platform, String provider, Language language) {
    }
}

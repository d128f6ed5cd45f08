package org.citygrid.api.push

import com.google.auth.oauth2.AccessToken
import com.google.auth.oauth2.GoogleCredentials
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.time.Instant

/** A fixed OAuth token instead of a service account, so the real Admin SDK talks to the fake FCM. */
@Singleton
@Replaces(PushCredentials)
@Requires(property = 'test.fake-fcm-credentials', value = 'true')
class FakeCredentials extends PushCredentials {

    FakeCredentials() {
        super(null)
    }

    @Override
    Optional<GoogleCredentials> load() {
        Optional.of(GoogleCredentials.create(new AccessToken('fake-access-token', Date.from(Instant.parse('2999-01-01T00:00:00Z')))))
    }
}

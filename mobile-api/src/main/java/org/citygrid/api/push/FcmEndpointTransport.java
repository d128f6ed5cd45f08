package org.citygrid.api.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A transport for the Admin SDK that sends its requests for {@code https://fcm.googleapis.com} to
 * another base URL: a regional proxy or, in tests, a local fake FCM endpoint. The SDK builds the v1
 * request exactly as for Google; only the host changes.
 */
final class FcmEndpointTransport {

    static final String GOOGLE_FCM = "https://fcm.googleapis.com";

    private FcmEndpointTransport() {
    }

    static HttpTransport to(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> {
                    String target = url.toString();
                    if (target.startsWith(GOOGLE_FCM)) {
                        target = base + target.substring(GOOGLE_FCM.length());
                    }
                    return (HttpURLConnection) URI.create(target).toURL().openConnection();
                })
                .build();
    }
}

package org.citygrid.demo.services;

import java.net.URI;
import java.util.regex.Pattern;

/** How the demo knows a service it started is ready for the next one to rely on it. */
public sealed interface Readiness {

    /** What the console says while waiting, e.g. "HTTP 200 from http://127.0.0.1:8080/manage/health". */
    String describe();

    /** The service printed a line matching {@code pattern} to its log since it was started. */
    record LogLine(Pattern pattern) implements Readiness {
        public static LogLine matching(String regex) {
            return new LogLine(Pattern.compile(regex));
        }

        @Override
        public String describe() {
            return "a log line matching /" + pattern + "/";
        }
    }

    /** A GET of {@code uri} answers 200. */
    record HttpOk(URI uri) implements Readiness {
        @Override
        public String describe() {
            return "HTTP 200 from " + uri;
        }
    }
}

package org.citygrid.api.accounts;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.citygrid.api.errors.Unauthenticated;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * On every request carrying a valid access token, after the security filter verified it: is its
 * account still enabled, and was it not cut off after the token was issued ({@link AccountStandings})?
 * Otherwise 401, and the client signs in again. Answered from a short per-instance cache; a miss reads
 * the database off the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// ServerFilterPhase.SECURITY.after(): once the security filter has verified the token
@Order(39_250)
final class AccountStandingFilter {

    private final AccountStandings standings;
    private final Scheduler blocking;

    AccountStandingFilter(AccountStandings standings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.standings = standings;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @RequestFilter
    Publisher<HttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> chain) {
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        // a person's access token only (it always has an expiry): a map key (ogcapi) is not an account
        if (auth.isEmpty() || !auth.get().getAttributes().containsKey("exp")) {
            return chain.proceed();
        }
        String accountId = auth.get().getName();
        Instant issuedAt = TokenClaims.issuedAt(auth.get());
        Optional<Optional<Unauthenticated>> known = standings.known(accountId, issuedAt);
        if (known.isPresent()) {
            return answer(known.get(), chain);
        }
        return Mono.fromCallable(() -> standings.check(accountId, issuedAt)).subscribeOn(blocking)
                .flatMapMany(refusal -> answer(refusal, chain));
    }

    // a refusal is answered by problem/DomainErrorHandler, as if a controller had thrown it
    private static Publisher<HttpResponse<?>> answer(Optional<Unauthenticated> refusal,
                                                     FilterContinuation<Publisher<HttpResponse<?>>> chain) {
        return refusal.<Publisher<HttpResponse<?>>>map(Mono::error).orElseGet(chain::proceed);
    }
}

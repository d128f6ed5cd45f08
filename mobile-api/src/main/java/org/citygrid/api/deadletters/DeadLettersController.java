package org.citygrid.api.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.citygrid.contracts.deadletters.DeadLetter;

/** Dead letters for administrators: list them, replay one once (docs/mobile-api.md, "Dead letters"). */
@Controller("/api/v1/admin/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
@Tag(name = "admin")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Dead letters of every consumer, newest first, a page at a time (page from 1, size up to 200)",
            security = @SecurityRequirement(name = "bearer"))
    @Get
    PageView list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        DeadLetterStore.Page p = deadLetters.list(page == null ? 1 : page, size == null ? 50 : size);
        return new PageView(p.page(), p.size(), p.total(), p.items().stream().map(View::of).toList());
    }

    @Operation(summary = "Produce a dead letter's key and value back onto its topic, once; 409 when it was replayed before",
            security = @SecurityRequirement(name = "bearer"))
    @Post("/{id}/replay")
    View replay(@PathVariable long id, Authentication auth) {
        return View.of(deadLetters.replay(id, auth.getName()));
    }

    /** A page of dead letters. */
    record PageView(int page, int size, long total, List<View> items) {
    }

    /**
     * One dead letter as an administrator reads it: where the record was, why it was set aside, its bytes
     * (base64, and as text when they are UTF-8) and whether it was replayed.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record View(long id, String consumer, String topic, int partition, long offset, String key, String payload,
                String payloadText, String reason, int attempts, Instant at, Instant replayedAt, String replayedBy) {

        static View of(DeadLetterStore.Stored s) {
            DeadLetter d = s.letter();
            byte[] bytes = d.payload();
            return new View(s.id(), d.consumer(), d.topic(), d.partition(), d.offset(), d.recordKey(),
                    bytes == null ? null : Base64.getEncoder().encodeToString(bytes), utf8(bytes), d.reason(),
                    d.attempts(), d.at(), s.replayedAt(), s.replayedBy());
        }

        private static String utf8(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}

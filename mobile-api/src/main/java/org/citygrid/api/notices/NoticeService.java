package org.citygrid.api.notices;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.citygrid.api.accounts.CurrentUser;
import org.citygrid.api.push.Notifier;
import org.citygrid.api.validation.Texts;
import org.citygrid.model.text.TextRules;

/** Checks a notice's text, stores it and pushes it to its community's topic. */
@Singleton
class NoticeService {

    private final NoticeStore store;
    private final Notifier notifier;
    private final Clock clock;

    NoticeService(NoticeStore store, Notifier notifier, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    Notice publish(String id, CurrentUser author, String community, String title, String body) {
        // a title is one line (TextRules.label), a body is prose like a report's description
        Notice n = new Notice(id, community, Texts.accept(TextRules.label().named("title"), title),
                Texts.accept(TextRules.description().named("body"), body),
                clock.instant());
        store.insert(n, author.id());
        notifier.toCommunity(null, community, n.title(), n.body(), Map.of("noticeId", n.id()));
        return n;
    }

    List<Notice> of(String community) {
        return store.ofCommunity(community);
    }
}

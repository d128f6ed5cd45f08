package org.citygrid.api.notices;

import java.util.List;

/** Published community notices (api.notices). */
public interface NoticeStore {

    void insert(Notice notice, String authorId);

    /** A community's latest 100 notices, newest first. */
    List<Notice> ofCommunity(String communityCode);
}

package com.hummdesk.drafts;

/** What an agent reports having done with a draft. */
enum FeedbackOutcome {
    ACCEPTED,
    EDITED,
    REJECTED;

    DraftStatus status() {
        return DraftStatus.valueOf(name());
    }
}

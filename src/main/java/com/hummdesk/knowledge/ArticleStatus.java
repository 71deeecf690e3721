package com.hummdesk.knowledge;

/** Only published articles are searched (and offered to drafts); drafts are work in progress. */
enum ArticleStatus {
    DRAFT,
    PUBLISHED
}

package com.hummdesk.knowledge;

import com.hummdesk.platform.events.DomainEvent;

/** An article was created, updated or deleted (published after commit). */
public record ArticleChanged(long accountId, long articleId, String change, String status) implements DomainEvent {}

package com.hummdesk.conversations;

/** A message about to be stored; {@code idempotencyKey} null = no retry protection. */
record NewMessage(
        MessageType type,
        boolean privateNote,
        SenderType senderType,
        Long senderId,
        String content,
        String idempotencyKey) {}

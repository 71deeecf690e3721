package com.hummdesk.ai.remote;

/** A model answered, but not with something we accept: the call worked, so it is no transport failure. */
final class InvalidOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidOutputException(String message) {
        super(message);
    }
}

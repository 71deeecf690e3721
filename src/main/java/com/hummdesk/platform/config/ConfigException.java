package com.hummdesk.platform.config;

/** A configuration problem an operator must fix before HummDesk can start. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

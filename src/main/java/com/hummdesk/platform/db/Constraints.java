package com.hummdesk.platform.db;

import org.jooq.exception.DataAccessException;

/** Recognises constraint violations, so a service can turn the database's verdict into a 409 without a race. */
public final class Constraints {
    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {}

    /** True when {@code e} (or a cause) is PostgreSQL's unique_violation. */
    public static boolean isUniqueViolation(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException dae && UNIQUE_VIOLATION.equals(dae.sqlState())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

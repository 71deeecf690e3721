package com.hummdesk.ai.local;

import com.hummdesk.ai.Priority;
import java.util.regex.Pattern;

/**
 * A phrase that says something about urgency or mood whatever the topic: "charged twice", "outage", "lawyer".
 * priority is the least priority it implies (null: none); frustration marks it as a sign of a fed-up customer.
 */
record Cue(String label, Pattern pattern, Priority priority, boolean frustration) {
    static Cue of(String label, Priority priority, boolean frustration, String regex) {
        return new Cue(
                label,
                Pattern.compile(
                        regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
                priority,
                frustration);
    }
}

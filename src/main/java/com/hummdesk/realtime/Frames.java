package com.hummdesk.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hummdesk.platform.http.Json;
import java.util.Arrays;

/**
 * Encodes a server event as a socket.io EVENT packet on the main namespace: {@code 2["event",payload]}. Done here
 * with the API's Jackson settings instead of the library's org.json, so payloads are records like everywhere else
 * and JSON nulls stay in the payload.
 */
final class Frames {
    private Frames() {}

    static String event(String event, Object payload) {
        try {
            return "2" + Json.mapper().writeValueAsString(Arrays.asList(event, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise the payload of " + event, e);
        }
    }
}

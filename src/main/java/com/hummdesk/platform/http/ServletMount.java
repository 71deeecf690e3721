package com.hummdesk.platform.http;

import jakarta.servlet.Servlet;

/**
 * A servlet served next to the routes on the same port, outside Javalin's routing (for protocols that own their
 * path, such as socket.io at {@code /socket.io/*}, which needs async requests and websocket upgrades).
 */
public record ServletMount(String pathSpec, Servlet servlet) {}

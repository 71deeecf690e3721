package com.hummdesk.contacts;

import java.util.Map;

/** Every column of a contact as it is to be stored (after validation; null means no value). */
record ContactValues(String name, String email, String phone, String identifier, Map<String, Object> attributes) {}

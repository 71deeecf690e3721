package com.hummdesk.teams;

/** A member of a team: an agent of the account. */
public record TeamMember(long id, String name, String email, String role, String availability) {}

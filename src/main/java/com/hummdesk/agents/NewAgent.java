package com.hummdesk.agents;

import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.security.Role;
import java.util.List;

/**
 * An invitation: a new person (name and password required) or someone who already has a HummDesk login (name and
 * password are then ignored; their login stays theirs).
 */
record NewAgent(
        String name,
        String email,
        Role role,
        String password,
        Integer maxConcurrent,
        List<String> skills,
        List<String> languages) {

    /** Validated and normalised, or a 422 naming every bad field. */
    Validated validate() {
        var errors = new FieldErrors();
        var cleanName = AgentFields.name(name, errors);
        var cleanEmail = AgentFields.email(email, errors);
        AgentFields.password(password, errors);
        AgentFields.maxConcurrent(maxConcurrent, errors);
        var cleanSkills = AgentFields.skills(skills, errors);
        var cleanLanguages = AgentFields.languages(languages, errors);
        errors.throwIfAny();
        return new Validated(
                cleanName,
                cleanEmail,
                role == null ? Role.AGENT : role,
                new AgentsRepository.MembershipChanges(
                        role == null ? Role.AGENT : role, null, maxConcurrent, cleanSkills, cleanLanguages));
    }

    record Validated(String name, String email, Role role, AgentsRepository.MembershipChanges profile) {}
}

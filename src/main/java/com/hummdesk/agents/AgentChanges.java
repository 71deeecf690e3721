package com.hummdesk.agents;

import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A partial update of a member: null leaves a field as it is. */
record AgentChanges(
        String name,
        Role role,
        Availability availability,
        Integer maxConcurrent,
        List<String> skills,
        List<String> languages) {

    /** Role and routing settings are the managers'; name and availability are also the agent's own to change. */
    boolean touchesManagedFields() {
        return role != null || maxConcurrent != null || skills != null || languages != null;
    }

    Validated validate() {
        var errors = new FieldErrors();
        var cleanName = AgentFields.name(name, errors);
        AgentFields.maxConcurrent(maxConcurrent, errors);
        var cleanSkills = AgentFields.skills(skills, errors);
        var cleanLanguages = AgentFields.languages(languages, errors);
        errors.throwIfAny();
        return new Validated(
                cleanName,
                new AgentsRepository.MembershipChanges(role, availability, maxConcurrent, cleanSkills, cleanLanguages));
    }

    record Validated(String name, AgentsRepository.MembershipChanges membership) {
        /** What changed, for the audit log. */
        Map<String, Object> auditDetails() {
            var details = new LinkedHashMap<String, Object>();
            if (name != null) {
                details.put("name", name);
            }
            if (membership.role() != null) {
                details.put("role", membership.role().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (membership.availability() != null) {
                details.put("availability", membership.availability().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (membership.maxConcurrent() != null) {
                details.put("maxConcurrent", membership.maxConcurrent());
            }
            if (membership.skills() != null) {
                details.put("skills", membership.skills());
            }
            if (membership.languages() != null) {
                details.put("languages", membership.languages());
            }
            return details;
        }
    }
}

package com.hummdesk.agents;

import com.hummdesk.platform.errors.Forbidden;
import com.hummdesk.platform.errors.Unprocessable;
import com.hummdesk.platform.security.Role;
import java.util.Locale;
import java.util.Map;

/**
 * Who may change whom. Admins and owners manage agents; only an owner makes someone an owner, demotes an owner or
 * removes one; nobody demotes or removes the last owner. Decided on the roles in the database at the time of the
 * change, not on the (up to 15 minutes old) role in the caller's token.
 */
final class AgentPolicy {
    private AgentPolicy() {}

    static void requireManager(Role actor) {
        if (!actor.canManage()) {
            throw new Forbidden(
                    "forbidden",
                    "Only account admins and owners can manage agents; your role is "
                            + actor.name().toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** Granting a role to a new or existing member. */
    static void checkGrant(Role actor, Role granted) {
        if (granted == Role.OWNER && actor != Role.OWNER) {
            throw ownerOnly("Only an owner can make someone an owner.");
        }
    }

    static void checkRoleChange(Role actor, Role from, Role to) {
        checkGrant(actor, to);
        if (from == Role.OWNER && to != Role.OWNER && actor != Role.OWNER) {
            throw ownerOnly("Only an owner can change an owner's role.");
        }
    }

    static void checkRemoval(Role actor, Role target) {
        if (target == Role.OWNER && actor != Role.OWNER) {
            throw ownerOnly("Only an owner can remove an owner.");
        }
    }

    /** {@code owners} counts the account's owners including the one about to stop being one. */
    static void checkNotLastOwner(int owners) {
        if (owners <= 1) {
            throw new Unprocessable(
                    "last_owner",
                    "An account needs at least one owner: make someone else an owner first.",
                    Map.of("owners", owners));
        }
    }

    private static Forbidden ownerOnly(String message) {
        return new Forbidden("owner_only", message);
    }
}

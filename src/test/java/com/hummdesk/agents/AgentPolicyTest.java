package com.hummdesk.agents;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hummdesk.platform.errors.Forbidden;
import com.hummdesk.platform.errors.Unprocessable;
import com.hummdesk.platform.security.Role;
import org.junit.jupiter.api.Test;

class AgentPolicyTest {

    @Test
    void only_admins_and_owners_manage() {
        assertThatThrownBy(() -> AgentPolicy.requireManager(Role.AGENT)).isInstanceOf(Forbidden.class);
        assertThatCode(() -> AgentPolicy.requireManager(Role.ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> AgentPolicy.requireManager(Role.OWNER)).doesNotThrowAnyException();
    }

    @Test
    void only_an_owner_grants_owner() {
        assertThatThrownBy(() -> AgentPolicy.checkGrant(Role.ADMIN, Role.OWNER))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining("owner");
        assertThatCode(() -> AgentPolicy.checkGrant(Role.OWNER, Role.OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> AgentPolicy.checkGrant(Role.ADMIN, Role.ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void only_an_owner_demotes_or_removes_an_owner() {
        assertThatThrownBy(() -> AgentPolicy.checkRoleChange(Role.ADMIN, Role.OWNER, Role.AGENT))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> AgentPolicy.checkRemoval(Role.ADMIN, Role.OWNER))
                .isInstanceOf(Forbidden.class);
        assertThatCode(() -> AgentPolicy.checkRoleChange(Role.OWNER, Role.OWNER, Role.ADMIN))
                .doesNotThrowAnyException();
        assertThatCode(() -> AgentPolicy.checkRoleChange(Role.ADMIN, Role.ADMIN, Role.AGENT))
                .doesNotThrowAnyException();
        assertThatCode(() -> AgentPolicy.checkRemoval(Role.ADMIN, Role.ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void the_last_owner_stays() {
        assertThatThrownBy(() -> AgentPolicy.checkNotLastOwner(1)).isInstanceOf(Unprocessable.class);
        assertThatCode(() -> AgentPolicy.checkNotLastOwner(2)).doesNotThrowAnyException();
    }
}

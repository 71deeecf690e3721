package com.hummdesk.realtime;

import java.util.List;

/** Who a socket belongs to, proven by the token in its connect packet; decides the rooms it joins. */
sealed interface Principal permits AgentPrincipal, CustomerPrincipal {
    long accountId();

    List<String> rooms();
}

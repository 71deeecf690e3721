package com.hummdesk.ai.pipeline;

import com.hummdesk.ai.AiProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers this node can classify with: the local one (always) and the remote ones configured
 * ({@code RemoteProviders.fromEnv(env, local, meters)}, keyed by the name accounts choose them by, e.g.
 * "anthropic", "openai"). An account's setting picks one; no setting means the node's AI_PROVIDER; a name this
 * node does not have falls back to local, so a misconfigured node still classifies.
 */
public final class AiProviders {
    private static final Logger log = LoggerFactory.getLogger(AiProviders.class);

    private final AiProvider local;
    private final Map<String, AiProvider> remote;
    private final String defaultName;

    public AiProviders(AiProvider local, Map<String, AiProvider> remote, String defaultName) {
        this.local = local;
        this.remote = Map.copyOf(remote);
        var wanted = defaultName == null || defaultName.isBlank() ? local.name() : defaultName.trim();
        if (!wanted.equals(local.name()) && !this.remote.containsKey(wanted)) {
            log.warn("AI_PROVIDER={} is not configured on this node; classifying with {}", wanted, local.name());
            wanted = local.name();
        }
        this.defaultName = wanted;
    }

    /** The provider for an account's setting (null: the node's default). */
    public AiProvider forAccount(String setting) {
        var name = setting == null ? defaultName : setting;
        if (name.equals(local.name())) {
            return local;
        }
        var provider = remote.get(name);
        return provider != null ? provider : local;
    }

    /** The name {@link #forAccount} resolves a setting to. */
    public String effectiveName(String setting) {
        return forAccount(setting).name();
    }

    public boolean has(String name) {
        return local.name().equals(name) || remote.containsKey(name);
    }

    /** Local first, then the remote ones by name. */
    public List<String> names() {
        var names = new ArrayList<String>();
        names.add(local.name());
        remote.keySet().stream().sorted().forEach(names::add);
        return names;
    }

    public String defaultName() {
        return defaultName;
    }
}

package com.hummdesk;

import com.hummdesk.accounts.AccountService;
import com.hummdesk.agents.AgentsModule;
import com.hummdesk.ai.local.SharedEncoder;
import com.hummdesk.ai.pipeline.AiConfig;
import com.hummdesk.ai.pipeline.AiModule;
import com.hummdesk.ai.pipeline.LocalModels;
import com.hummdesk.ai.remote.RemoteProviders;
import com.hummdesk.auth.AuthRoutes;
import com.hummdesk.auth.AuthService;
import com.hummdesk.auth.PasswordHasher;
import com.hummdesk.auth.TokenService;
import com.hummdesk.cannedresponses.CannedResponsesModule;
import com.hummdesk.contacts.ContactsModule;
import com.hummdesk.conversations.ConversationsModule;
import com.hummdesk.drafts.DraftsModule;
import com.hummdesk.inboxes.InboxesModule;
import com.hummdesk.jobs.JobSettings;
import com.hummdesk.jobs.JobsModule;
import com.hummdesk.knowledge.KnowledgeModule;
import com.hummdesk.labels.LabelsModule;
import com.hummdesk.ops.DocsRoutes;
import com.hummdesk.ops.HealthRoutes;
import com.hummdesk.ops.RedisProbe;
import com.hummdesk.platform.config.AppConfig;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.Migrator;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.HttpServer;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.realtime.ClassificationEventsRelay;
import com.hummdesk.realtime.ConversationEventsRelay;
import com.hummdesk.realtime.DraftEventsRelay;
import com.hummdesk.realtime.HeartbeatRoutingPresence;
import com.hummdesk.realtime.Presence;
import com.hummdesk.realtime.RealtimeGateway;
import com.hummdesk.realtime.RealtimeModule;
import com.hummdesk.reports.ReportsModule;
import com.hummdesk.routing.Router;
import com.hummdesk.routing.RoutingModule;
import com.hummdesk.routing.RoutingPresence;
import com.hummdesk.routing.RoutingSettings;
import com.hummdesk.teams.TeamsModule;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that sees every feature and wires them by hand. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    public static final String VERSION = "0.1.0";

    private final AppConfig config;
    private final PrometheusMeterRegistry meters;
    private final Database db;
    private final EventBus events = new EventBus();
    private final AccountService accounts;
    private final JobsModule jobs;
    private final RealtimeModule realtime;
    private final RoutingModule routing;
    private final AiModule ai;
    private final KnowledgeModule knowledge;
    private final DraftsModule drafts;
    private final Javalin http;

    public App(AppConfig config) {
        long started = System.nanoTime();
        this.config = config;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(meters);
        if (config.migrateOnStart()) {
            int applied = Migrator.migrate(config.migrationDatabase(), config.appRole());
            if (applied > 0) {
                log.info("Applied {} database migrations", applied);
            }
        }
        long migrated = System.nanoTime();
        this.db = new Database(config.database(), config.dbPoolSize(), meters);
        var clock = Clock.systemUTC();
        var hasher = new PasswordHasher();
        var tokens = new TokenService(config.jwtSecret(), config.accessTokenTtl(), clock);
        this.accounts = new AccountService(db, hasher::hash);
        var auth = new AuthService(
                db, accounts, hasher, tokens, config.loginAttemptsPerMinute(), config.refreshTokenTtl(), clock);
        var redis = new RedisProbe(config.redisUrl());
        this.jobs = new JobsModule(db, config.database(), meters, JobSettings.fromEnv(System.getenv()));
        this.realtime = new RealtimeModule(
                config.realtime(), config.redisUrl(), config.corsOrigins(), tokens, db, events, meters, clock);

        ConversationEventsRelay.subscribe(events, realtime.gateway());
        ClassificationEventsRelay.subscribe(events, realtime.gateway());
        // The local models load once per JVM, in the background. With AI_TRIAGE=false (test apps) they load on first
        // use, classify jobs stay queued for the tests that run them, and routing takes new conversations at once.
        boolean triage = config.aiTriage();
        var aiConfig = AiConfig.fromEnv(System.getenv());
        var localAi = LocalModels.shared(aiConfig.languages(), aiConfig.lowAccuracyLanguages());
        if (triage) {
            localAi.preload();
        }
        var remoteAi = RemoteProviders.fromEnv(System.getenv(), localAi, meters);
        this.ai = new AiModule(db, events, jobs.queue(), meters, aiConfig, localAi, remoteAi);
        DraftEventsRelay.subscribe(events, realtime.gateway());

        var api = new Api();
        var modules = new ArrayList<RouteModule>(List.of(
                new AuthRoutes(auth),
                new HealthRoutes(db, redis::status, () -> "ok", meters),
                new DocsRoutes(api, VERSION)));
        var conversations = new ConversationsModule(db, events, tokens::contactToken, ai.conversationHooks());
        modules.addAll(conversations.routes());
        modules.addAll(new ContactsModule(db, events).routes());
        modules.addAll(new TeamsModule(db, events).routes());
        modules.addAll(new AgentsModule(db, events).routes());
        modules.addAll(new LabelsModule(db, events).routes());
        modules.addAll(new CannedResponsesModule(db, events).routes());
        modules.addAll(new InboxesModule(db).routes());
        modules.addAll(new ReportsModule(db, clock).routes());
        modules.addAll(jobs.routes());
        this.knowledge = new KnowledgeModule(db, events, jobs, SharedEncoder::get);
        modules.addAll(knowledge.routes());
        modules.add(realtime.routes());
        var presence = config.realtime().routeOnHeartbeats()
                ? new HeartbeatRoutingPresence(realtime.presence())
                : RoutingPresence.DECLARED_AVAILABILITY;
        // Where this node runs the AI triage, a new conversation is routed once classified (category and language
        // known, and only when confident), not the moment it is created.
        var routingSettings = triage ? RoutingSettings.defaults().afterTriage() : RoutingSettings.defaults();
        this.routing = new RoutingModule(db, events, conversations.assignments(), presence, routingSettings);
        modules.addAll(routing.routes());
        ai.startPipeline(jobs.worker(), conversations.classifications(), routing.router(), triage);
        modules.addAll(ai.routes());
        // The deployment's provider drafts (a hosted one falls back to local); local drafts never wait for the models.
        this.drafts = new DraftsModule(
                db, events, jobs.worker(), ai.defaultProvider(), knowledge.search()::search, ai::policies, meters);
        modules.addAll(drafts.routes());
        modules.forEach(module -> module.routes(api));
        this.http = HttpServer.create(api, tokens, meters, config.corsOrigins(), List.of(realtime.servlet()));
        log.info(
                "Wired in {} ms (migrations {} ms)",
                (System.nanoTime() - started) / 1_000_000,
                (migrated - started) / 1_000_000);
    }

    public App start() {
        http.start(config.port());
        jobs.start();
        return this;
    }

    public int port() {
        return http.port();
    }

    public Database database() {
        return db;
    }

    public AccountService accounts() {
        return accounts;
    }

    public EventBus events() {
        return events;
    }

    public JobsModule jobs() {
        return jobs;
    }

    public RealtimeGateway realtime() {
        return realtime.gateway();
    }

    public Presence presence() {
        return realtime.presence();
    }

    public AiModule ai() {
        return ai;
    }

    /** The knowledge base (search for drafted replies, import-kb and eval-kb). */
    public KnowledgeModule knowledge() {
        return knowledge;
    }

    public DraftsModule drafts() {
        return drafts;
    }

    /** Routes a conversation now (the AI pipeline calls it after classifying). */
    public Router router() {
        return routing.router();
    }

    @Override
    public void close() {
        realtime.close(); // first: clients see a transport close and reconnect
        http.stop();
        jobs.stop();
        routing.close();
        db.close();
        meters.close();
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }
}

package com.hummdesk;

import com.hummdesk.ai.eval.EvalAiCommand;
import com.hummdesk.demo.DemoSeeder;
import com.hummdesk.knowledge.EvalKbCommand;
import com.hummdesk.knowledge.ImportKbCommand;
import com.hummdesk.platform.config.AppConfig;
import com.hummdesk.platform.config.ConfigException;
import com.hummdesk.platform.db.Migrator;
import com.hummdesk.platform.errors.AppException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The jar's command line: serve (default), migrate, seed-demo, create-account, eval-ai. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar hummdesk.jar [command] [options]
              serve [--no-migrate] [--seed-demo]   run HummDesk (default); migrates first unless --no-migrate
              migrate                              apply pending database migrations and exit
              seed-demo                            load the demo account (skipped when it exists)
              create-account --name N --owner-email E --owner-password P [--owner-name NAME]
                                                   create an account and its owner; prints the account id
              eval-ai [--data DIR] [--shots 5,10,20] [--fit-calibration]
                                                   measure the local AI provider on the development data
              import-kb --account ID [--draft] FILE.zip|DIR
                                                   import .md/.markdown/.html/.htm/.txt files as articles
              eval-kb [--data DIR]                 knowledge-base retrieval on stackfaq (new account each run)
            Configuration comes from environment variables; see .env.example.
            """;

    private Main() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.getenv()));
        } catch (ConfigException | AppException e) {
            System.err.println("hummdesk: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        var command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        var rest = args.length == 0 || args[0].startsWith("--")
                ? List.of(args)
                : Arrays.asList(args).subList(1, args.length);
        return switch (command) {
            case "serve" -> serve(rest, out, env);
            case "migrate" -> {
                var config = AppConfig.from(env);
                int applied = Migrator.migrate(config.migrationDatabase(), config.appRole());
                out.println("Applied " + applied + " migration(s).");
                yield 0;
            }
            case "seed-demo" -> {
                try (var app = new App(AppConfig.from(env))) {
                    demoSeeder(app).seedIfMissing(out);
                }
                yield 0;
            }
            case "create-account" -> createAccount(options(rest), out, env);
            case "eval-ai" -> EvalAiCommand.run(rest, out);
            case "import-kb", "eval-kb" -> {
                try (var app = new App(AppConfig.from(env))) {
                    yield command.equals("import-kb")
                            ? ImportKbCommand.run(rest, out, app.knowledge())
                            : EvalKbCommand.run(rest, out, app.accounts(), app.knowledge());
                }
            }
            case "help", "-h", "--help" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.print("Unknown command '" + command + "'.\n" + USAGE);
                yield 2;
            }
        };
    }

    private static int serve(List<String> flags, PrintStream out, Map<String, String> env) {
        long started = System.nanoTime();
        var config = AppConfig.from(env);
        if (flags.contains("--no-migrate")) {
            config = new AppConfig(
                    config.environment(),
                    config.port(),
                    config.database(),
                    config.migrationDatabase(),
                    config.appRole(),
                    config.dbPoolSize(),
                    config.redisUrl(),
                    config.jwtSecret(),
                    config.accessTokenTtl(),
                    config.refreshTokenTtl(),
                    config.loginAttemptsPerMinute(),
                    config.anthropicApiKey(),
                    config.aiProvider(),
                    config.aiTriage(),
                    config.s3(),
                    config.corsOrigins(),
                    false,
                    config.realtime());
        }
        var app = new App(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        if (flags.contains("--seed-demo")) {
            demoSeeder(app).seedIfMissing(out);
        }
        long readyMs = (System.nanoTime() - started) / 1_000_000;
        long sinceJvmStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        var base = "http://localhost:" + app.port();
        out.println("HummDesk ready in " + readyMs + " ms (" + sinceJvmStart + " ms since JVM start) on " + base
                + "  (API docs: " + base + "/docs, health: " + base + "/health)");
        return waitForever();
    }

    private static DemoSeeder demoSeeder(App app) {
        return new DemoSeeder(app.database(), app.accounts(), (accountId, files) -> app.knowledge()
                .importNow(accountId, files, true, status -> {}));
    }

    private static int createAccount(Map<String, String> options, PrintStream out, Map<String, String> env) {
        var config = AppConfig.from(env);
        try (var app = new App(config)) {
            var created = app.accounts()
                    .createAccount(
                            options.get("name"),
                            options.get("owner-name"),
                            options.get("owner-email"),
                            options.get("owner-password"));
            out.println(created.accountId());
        }
        return 0;
    }

    private static Map<String, String> options(List<String> args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new ConfigException("Expected --option value pairs, got '" + arg + "'.\n" + USAGE);
            }
            options.put(arg.substring(2), args.get(++i));
        }
        return options;
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

package com.hummdesk.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code java -jar hummdesk.jar import-kb --account ID [--draft] FILE.zip|DIR}: imports now, printing progress. */
public final class ImportKbCommand {
    private ImportKbCommand() {}

    public static int run(List<String> args, PrintStream out, KnowledgeModule knowledge) {
        Long account = null;
        Path source = null;
        boolean publish = true;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--account") && i + 1 < args.size()) {
                try {
                    account = Long.parseLong(args.get(++i));
                } catch (NumberFormatException e) {
                    return usage(out, "--account needs a numeric account id");
                }
            } else if (arg.equals("--draft")) {
                publish = false;
            } else if (!arg.startsWith("--") && source == null) {
                source = Path.of(arg);
            } else {
                return usage(out, "unexpected argument '" + arg + "'");
            }
        }
        if (account == null || source == null) {
            return usage(out, "--account and a zip file or directory are required");
        }
        if (!Files.exists(source)) {
            return usage(out, source + " does not exist");
        }
        try {
            long started = System.nanoTime();
            var result = knowledge.importNow(account, source, publish, status -> {
                if (status.done() + status.failed() == status.total() || (status.done() % 25 == 0)) {
                    out.printf(
                            Locale.ROOT,
                            "import %d: %d/%d done, %d failed%n",
                            status.id(),
                            status.done(),
                            status.total(),
                            status.failed());
                }
            });
            result.errors().forEach(error -> out.println("  failed: " + error.file() + ": " + error.error()));
            out.printf(
                    Locale.ROOT,
                    "Imported %d of %d files into account %d (%d failed) in %.1f s.%n",
                    result.done(),
                    result.total(),
                    account,
                    result.failed(),
                    (System.nanoTime() - started) / 1e9);
            return result.failed() == 0 ? 0 : 1;
        } catch (IllegalArgumentException | IOException e) {
            out.println("import-kb: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            out.println("import-kb: failed (does account " + account + " exist?): " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println("import-kb: " + problem);
        out.println("Usage: java -jar hummdesk.jar import-kb --account ID [--draft] FILE.zip|DIR");
        return 2;
    }
}

package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.cli.Target;
import dev.lanyard.issuer.wire.Durations;
import dev.lanyard.issuer.wire.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctl audit [--since TIME|DURATION] [--spiffe-id ID] [--limit N] [--json]}: one line per event
 * ({@code time type caller [spiffe-id] key=value...}), or a JSON array.
 */
@Command(name = "audit", description = "List audit events (SVIDs issued and denied, logins, changes).")
final class AuditCommand implements Callable<Integer> {
    private static final Set<String> HEAD = Set.of("sequence", "time", "type", "caller", "spiffe_id");

    @Mixin
    Target target;

    @Option(names = "--since", paramLabel = "TIME", description = "RFC 3339 time, or a duration back from now (1h).")
    String since;

    @Option(names = "--spiffe-id", paramLabel = "ID")
    String spiffeId;

    @Option(names = "--limit", defaultValue = "1000")
    int limit;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    private final Env env;

    AuditCommand(Env env) {
        this.env = env;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        StringBuilder q = new StringBuilder("/v1/audit?limit=").append(limit);
        if (since != null) {
            q.append("&since=").append(enc(parseSince(since).toString()));
        }
        if (spiffeId != null) {
            q.append("&spiffe_id=").append(enc(spiffeId));
        }
        List<Map<String, Object>> events = target.connect(env).get(q.toString(), List.class);
        if (json) {
            env.out().println(Json.write(events));
            return 0;
        }
        for (Map<String, Object> e : events) {
            StringBuilder line = new StringBuilder();
            line.append(e.get("time")).append("  ").append(e.get("type")).append("  ").append(e.get("caller"));
            if (e.get("spiffe_id") != null) {
                line.append("  ").append(e.get("spiffe_id"));
            }
            e.forEach((k, v) -> {
                if (!HEAD.contains(k)) {
                    line.append("  ").append(k).append('=').append(v instanceof String ? v : Json.writeCompact(v));
                }
            });
            env.out().println(line);
        }
        return 0;
    }

    private Instant parseSince(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return env.clock().instant().minus(Durations.parse(text, "--since"));
            } catch (LanyardException d) {
                throw new LanyardException(Failure.USAGE, "--since: expected an RFC 3339 time or a duration such as 1h, "
                        + "got '" + text + "'");
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.wire.Durations;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One renewal round at a time: refresh the bot identity, then for each output that is due obtain an
 * SVID, write it ({@link SvidDirectory}), log one line, run its reload command, and schedule the next
 * attempt ({@link RenewalSchedule}). A failure leaves the output's files untouched and backs off.
 * Called from the agent's one loop thread; {@link #snapshot()} may be read from any thread.
 */
final class Renewer {
    private final IdentitySource joiner;
    private final SvidSource fetcher;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final RenewalSchedule schedule;
    private final PrintWriter log;
    private volatile BotConfig config;
    private volatile Map<Path, OutputState> states = Map.of();
    private volatile LanyardException lastFailure;

    Renewer(IdentitySource joiner, SvidSource fetcher, Clock clock, DoubleSupplier jitter, RenewalSchedule schedule,
            PrintWriter log) {
        this.joiner = joiner;
        this.fetcher = fetcher;
        this.clock = clock;
        this.jitter = jitter;
        this.schedule = schedule;
        this.log = log;
    }

    /** Applies a (new) configuration: outputs kept by directory keep their state; new ones are due now. */
    void configure(BotConfig newConfig) {
        Instant now = clock.instant();
        Map<Path, OutputState> next = new LinkedHashMap<>();
        for (OutputConfig o : newConfig.outputs()) {
            Path key = o.directory().toAbsolutePath();
            OutputState old = states.get(key);
            next.put(key, old != null ? old.withOutput(o).dueAt(config != null && sameRequest(old.output(), o)
                    ? old.next() : now) : OutputState.initial(o, now, existingNotAfter(o)));
        }
        this.config = newConfig;
        this.states = Map.copyOf(next);
    }

    /** Makes every output due now (SIGUSR1). */
    void renewAllNow() {
        Instant now = clock.instant();
        Map<Path, OutputState> next = new LinkedHashMap<>();
        states.forEach((k, s) -> next.put(k, s.dueAt(now)));
        states = Map.copyOf(next);
    }

    /** Renews every due output; returns when the next attempt is due. Null failure: all due outputs renewed. */
    Instant runDue() {
        Instant now = clock.instant();
        List<OutputState> due = states.values().stream().filter(s -> !s.next().isAfter(now)).toList();
        if (!due.isEmpty()) {
            lastFailure = null;
            BotIdentity identity = null;
            LanyardException identityFailure = null;
            try {
                identity = joiner.refresh(config);
            } catch (LanyardException e) {
                identityFailure = e;
            }
            for (OutputState s : due) {
                update(identityFailure == null ? renew(identity, s) : fail(s, identityFailure));
            }
        }
        return nextDue();
    }

    Instant nextDue() {
        return states.values().stream().map(OutputState::next).min(Instant::compareTo).orElse(clock.instant()
                .plusSeconds(3600));
    }

    /** The failure of the last round, if any output failed in it. */
    LanyardException lastFailure() {
        return lastFailure;
    }

    List<OutputState> snapshot() {
        return List.copyOf(states.values());
    }

    private OutputState renew(BotIdentity identity, OutputState s) {
        OutputConfig o = s.output();
        try {
            SvidFetcher.Svid svid = fetcher.fetch(identity, o, config.ttl(o));
            new SvidDirectory(o.directory()).write(svid.certificatePem(), svid.keyPem(), svid.bundlePem());
            Instant now = clock.instant();
            Instant notAfter = svid.certificate().getNotAfter().toInstant();
            Instant next = RenewalSchedule.afterSuccess(now, svid.certificate(), config.renewalInterval(o),
                    jitter.getAsDouble());
            log.println("INFO renewed output=" + o.name() + " spiffe_id=" + svid.spiffeId() + " serial="
                    + svid.serial() + " expires=" + notAfter + (svid.capReason() == null ? ""
                    : " capped=\"" + svid.capReason() + "\""));
            log.flush();
            ReloadCommand.run(o.reloadCommand(), o.name(), log);
            return s.renewed(next, svid.spiffeId(), svid.serial(), notAfter);
        } catch (LanyardException e) {
            return fail(s, e);
        }
    }

    private OutputState fail(OutputState s, LanyardException e) {
        lastFailure = e;
        Instant now = clock.instant();
        Instant next = schedule.afterFailure(now, s.failuresInARow() + 1, s.notAfter());
        String keeping = s.validAt(now) ? "keeping the current SVID, valid until " + s.notAfter()
                : "no valid SVID in place";
        log.println("WARN renewal failed output=" + s.output().name() + ": " + e.getMessage() + " (failure "
                + (s.failuresInARow() + 1) + " in a row; next attempt in " + Durations.format(Duration.between(now, next))
                + " at " + next + "; " + keeping + ")");
        log.flush();
        return s.failed(next);
    }

    private void update(OutputState s) {
        Map<Path, OutputState> next = new LinkedHashMap<>(states);
        next.put(s.output().directory().toAbsolutePath(), s);
        states = Map.copyOf(next);
    }

    private static boolean sameRequest(OutputConfig a, OutputConfig b) {
        return a.svidPath().equals(b.svidPath()) && a.dnsSans().equals(b.dnsSans()) && a.ipSans().equals(b.ipSans());
    }

    private static Instant existingNotAfter(OutputConfig o) {
        String pem = new SvidDirectory(o.directory()).read().get(SvidDirectory.CERT);
        if (pem == null) {
            return null;
        }
        try {
            return Certificates.parseOne(pem.getBytes(StandardCharsets.US_ASCII), o.name()).getNotAfter().toInstant();
        } catch (LanyardException e) {
            return null;
        }
    }
}

package dev.lanyard.emulator.server;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Location;
import dev.lanyard.emulator.auth.HmacAuthenticator;
import dev.lanyard.emulator.cli.Durations;
import dev.lanyard.emulator.iam.IamActions;
import dev.lanyard.emulator.iam.RoleService;
import dev.lanyard.emulator.rolesanywhere.AuditLog;
import dev.lanyard.emulator.rolesanywhere.CreateSession;
import dev.lanyard.emulator.rolesanywhere.CrlService;
import dev.lanyard.emulator.rolesanywhere.ProfileService;
import dev.lanyard.emulator.rolesanywhere.RolesAnywhereJson;
import dev.lanyard.emulator.rolesanywhere.TrustAnchorService;
import dev.lanyard.emulator.store.AdminCredentials;
import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.JsonStateStore;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.sts.SessionIssuer;
import dev.lanyard.emulator.sts.StsActions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Everything the emulator is made of, wired once at start-up from the configuration. */
public final class EmulatorContext {
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";

    public final Path dataDir;
    public final Location location;
    public final boolean awsExactErrors;
    public final AdminCredentials admin;
    public final Registry registry;
    public final HmacAuthenticator authenticator;
    public final TrustAnchorService trustAnchors;
    public final ProfileService profiles;
    public final CrlService crls;
    public final RoleService roles;
    public final RolesAnywhereJson json;
    public final CreateSession createSession;
    public final IamActions iam;
    public final StsActions sts = new StsActions();

    public EmulatorContext(EmulatorConfig config, Clock clock) {
        this.dataDir = AtomicFiles.privateDirectory(dataDir(config.dataDir().orElse("")));
        Seed seed = config.seed().filter(s -> !s.isBlank()).map(s -> Seed.read(Path.of(s), clock.instant())).orElse(null);
        String account = config.account().orElse(seed != null && seed.account() != null ? seed.account() : DEFAULT_ACCOUNT);
        String region = config.region().orElse(seed != null && seed.region() != null ? seed.region() : DEFAULT_REGION);
        if (!account.matches("[0-9]{12}")) {
            throw new LanyardException(Failure.INVALID_INPUT, "account \"" + account + "\" must be 12 digits");
        }
        this.location = new Location(account, region);
        this.awsExactErrors = config.awsExactErrors();
        Duration skew = Durations.parse(config.maxClockSkew(), "--max-clock-skew");
        Ids ids = new Ids(new SecureRandom());
        this.admin = AdminCredentials.loadOrCreate(dataDir, ids);
        this.registry = new Registry(new JsonStateStore(dataDir));
        this.authenticator = new HmacAuthenticator(admin, registry, clock, skew, account);
        this.trustAnchors = new TrustAnchorService(registry, ids, clock);
        this.profiles = new ProfileService(registry, ids, clock);
        this.crls = new CrlService(registry, ids, clock, trustAnchors);
        this.roles = new RoleService(registry, ids, clock, account);
        this.json = new RolesAnywhereJson(location);
        this.createSession = new CreateSession(registry, location, clock, skew,
                new SessionIssuer(registry, ids, account), new AuditLog(dataDir));
        this.iam = new IamActions(roles);
        if (seed != null) {
            apply(seed, config.seed().get());
        }
    }

    private void apply(Seed seed, String file) {
        try {
            seed.trustAnchors().forEach(trustAnchors::put);
            seed.roles().forEach(roles::put);
            seed.profiles().forEach(profiles::put);
            seed.crls().forEach(crls::put);
        } catch (AwsError e) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": " + e.getMessage());
        }
    }

    public static Path dataDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".lanyard", "emulator");
    }
}

package dev.lanyard.emulator.sts;

import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.Session;
import java.time.Instant;

/** Issues temporary credentials for an assumed role and remembers them so signed requests verify. */
public final class SessionIssuer {
    private final Registry registry;
    private final Ids ids;
    private final String account;

    public SessionIssuer(Registry registry, Ids ids, String account) {
        this.registry = registry;
        this.ids = ids;
        this.account = account;
    }

    public Session issue(Role role, String roleArn, String sessionName, int durationSeconds, String sourceIdentity, Instant now) {
        Session s = new Session(ids.accessKeyId("ASIA"), ids.secretAccessKey(), ids.sessionToken(),
                now.plusSeconds(durationSeconds),
                "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName,
                role.roleId() + ":" + sessionName, roleArn, sourceIdentity);
        registry.addSession(s, now);
        return s;
    }
}

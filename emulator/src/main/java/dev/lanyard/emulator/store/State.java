package dev.lanyard.emulator.store;

import java.util.List;

/** Everything the emulator persists, as one immutable snapshot. */
public record State(List<TrustAnchor> trustAnchors, List<Profile> profiles, List<Crl> crls, List<Role> roles,
                    List<Session> sessions) {
    public static final State EMPTY = new State(List.of(), List.of(), List.of(), List.of(), List.of());

    public State {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        crls = crls == null ? List.of() : List.copyOf(crls);
        roles = roles == null ? List.of() : List.copyOf(roles);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public State withTrustAnchors(List<TrustAnchor> value) {
        return new State(value, profiles, crls, roles, sessions);
    }

    public State withProfiles(List<Profile> value) {
        return new State(trustAnchors, value, crls, roles, sessions);
    }

    public State withCrls(List<Crl> value) {
        return new State(trustAnchors, profiles, value, roles, sessions);
    }

    public State withRoles(List<Role> value) {
        return new State(trustAnchors, profiles, crls, value, sessions);
    }

    public State withSessions(List<Session> value) {
        return new State(trustAnchors, profiles, crls, roles, value);
    }
}

package dev.lanyard.signer.refresh;

import dev.lanyard.signer.session.Credentials;

/**
 * Where the long-running modes get credentials from: the one seam between them and CreateSession.
 * The real source signs and calls Roles Anywhere; tests pass a fake. {@link #fetch()} either returns
 * complete credentials or throws a {@link dev.lanyard.common.error.LanyardException}.
 */
@FunctionalInterface
public interface CredentialSource {
    Credentials fetch();

    /**
     * Whether what {@link #fetch()} signs with changed since the last fetch (a renewed certificate or
     * key on disk), so credentials obtained with the old one should be replaced now. Never throws:
     * anything unreadable counts as unchanged and is reported by the next fetch.
     */
    default boolean changed() {
        return false;
    }
}

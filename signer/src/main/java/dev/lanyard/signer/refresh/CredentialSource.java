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
}

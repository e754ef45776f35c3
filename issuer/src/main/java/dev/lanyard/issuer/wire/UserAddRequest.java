package dev.lanyard.issuer.wire;

import java.util.List;

/** {@code POST /v1/users}: a new user with roles and either a password or a one-time setup token. */
public record UserAddRequest(String name, List<String> roles, String password) {
    @Override
    public String toString() {
        return "UserAddRequest[name=" + name + ", roles=" + roles + "]";
    }
}

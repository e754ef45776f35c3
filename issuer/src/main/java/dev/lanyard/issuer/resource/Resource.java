package dev.lanyard.issuer.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated resource document ({@code kind}, {@code version}, {@code metadata}, {@code spec}).
 * The document is the canonical form that is stored, sent and printed; build one with
 * {@link ResourceParser}.
 */
public record Resource(Kind kind, String name, Map<String, Object> document) {
    public Resource {
        document = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        return (Map<String, Object>) document.getOrDefault("spec", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) document.get("metadata");
    }

    /** {@code spec.roles} of a user, bot or token. */
    @SuppressWarnings("unchecked")
    public List<String> roles() {
        return (List<String>) spec().getOrDefault("roles", List.of());
    }

    public Optional<Instant> expires() {
        Object e = metadata().get("expires");
        return e == null ? Optional.empty() : Optional.of(Instant.parse(e.toString()));
    }

    public String ref() {
        return kind.id() + "/" + name;
    }
}

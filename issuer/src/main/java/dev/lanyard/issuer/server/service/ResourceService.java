package dev.lanyard.issuer.server.service;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.policy.Authorizer;
import dev.lanyard.issuer.server.policy.Decision;
import dev.lanyard.issuer.server.policy.Role;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import dev.lanyard.issuer.wire.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Resource CRUD under RBAC, with role references checked and every change audited. */
public final class ResourceService {
    private static final int MEMO_ENTRIES = 1024;
    private final Store store;
    private final Authorizer authorizer;
    private final Clock clock;
    /** Parsed forms by stored document (content-keyed, so never stale): the per-request role lookups. */
    private final Map<String, List<String>> holderRoles = new ConcurrentHashMap<>();
    private final Map<String, Role> parsedRoles = new ConcurrentHashMap<>();

    public ResourceService(Store store, Authorizer authorizer, Clock clock) {
        this.store = store;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    public List<Resource> list(Caller caller, Kind kind) {
        require(caller, kind.id(), "list");
        return store.resources(kind).stream().map(j -> parse(j, kind)).toList();
    }

    public Resource get(Caller caller, Kind kind, String name) {
        require(caller, kind.id(), "read");
        return find(kind, name).orElseThrow(() -> notFound(kind, name));
    }

    public Resource put(Caller caller, Resource resource, boolean replace) {
        boolean exists = find(resource.kind(), resource.name()).isPresent();
        require(caller, resource.kind().id(), exists ? "update" : "create");
        if (exists && !replace) {
            throw new LanyardException(Failure.CONFLICT, resource.ref() + " already exists; use --force to replace it "
                    + "or lanyard ctl edit " + resource.ref());
        }
        checkReferences(resource);
        store.putResource(resource.kind(), resource.name(), Json.writeCompact(resource.document()), true);
        audit(caller, exists ? AuditEvent.RESOURCE_UPDATED : AuditEvent.RESOURCE_CREATED, resource.ref());
        return resource;
    }

    public void delete(Caller caller, Kind kind, String name) {
        require(caller, kind.id(), "delete");
        if (!store.deleteResource(kind, name)) {
            throw notFound(kind, name);
        }
        if (kind == Kind.USER) {
            store.deletePasswordHash(name);
        }
        audit(caller, AuditEvent.RESOURCE_DELETED, kind.id() + "/" + name);
    }

    /** The roles of a user or bot caller; roles that no longer exist are skipped. */
    public List<Role> rolesOf(Caller caller) {
        Kind kind = switch (caller.type()) {
            case USER -> Kind.USER;
            case BOT -> Kind.BOT;
            case ADMIN -> null;
        };
        if (kind == null) {
            return List.of();
        }
        String holder = store.resource(kind, caller.name()).orElseThrow(() -> new LanyardException(Failure.DENIED,
                kind.id() + " " + caller.name() + " no longer exists"));
        List<Role> roles = new ArrayList<>();
        for (String r : memo(holderRoles, holder, j -> List.copyOf(parse(j, kind).roles()))) {
            store.resource(Kind.ROLE, r).map(j -> memo(parsedRoles, j, x -> Role.from(parse(x, Kind.ROLE))))
                    .ifPresent(roles::add);
        }
        return roles;
    }

    public void require(Caller caller, String resource, String verb) {
        Decision d = authorizer.resource(caller.admin(), caller.admin() ? List.of() : rolesOf(caller), resource, verb);
        if (!d.allowed()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("resource", resource);
            f.put("verb", verb);
            f.put("reason", d.reason());
            store.append(AuditEvent.of(clock.instant(), AuditEvent.ACCESS_DENIED, caller.label(), null, f));
            throw new LanyardException(Failure.DENIED, caller.label() + " may not " + verb + " " + resource
                    + ": " + d.reason());
        }
    }

    /** Whether the resource exists (without parsing it). */
    public boolean exists(Kind kind, String name) {
        return store.resource(kind, name).isPresent();
    }

    public Optional<Resource> find(Kind kind, String name) {
        return store.resource(kind, name).map(j -> parse(j, kind));
    }

    void checkReferences(Resource resource) {
        if (resource.kind() == Kind.USER || resource.kind() == Kind.BOT) {
            for (String role : resource.roles()) {
                if (find(Kind.ROLE, role).isEmpty()) {
                    throw new LanyardException(Failure.NOT_FOUND, resource.ref() + ": unknown role '" + role
                            + "'; create it first with lanyard ctl create -f role.yaml");
                }
            }
        }
        if (resource.kind() == Kind.TOKEN && resource.spec().get("bot_name") instanceof String bot
                && find(Kind.BOT, bot).isEmpty()) {
            throw new LanyardException(Failure.NOT_FOUND, resource.ref() + ": unknown bot '" + bot + "'");
        }
    }

    void audit(Caller caller, String type, String ref) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("resource", ref);
        store.append(AuditEvent.of(clock.instant(), type, caller.label(), null, f));
    }

    private static <T> T memo(Map<String, T> memo, String json, Function<String, T> parse) {
        T hit = memo.get(json);
        if (hit == null) {
            hit = parse.apply(json);
            if (memo.size() >= MEMO_ENTRIES) {
                memo.clear();
            }
            memo.put(json, hit);
        }
        return hit;
    }

    private static Resource parse(String json, Kind kind) {
        return ResourceParser.parse(Json.read(json, LinkedHashMap.class, "stored " + kind.id()), "stored " + kind.id());
    }

    private static LanyardException notFound(Kind kind, String name) {
        return new LanyardException(Failure.NOT_FOUND, kind.id() + "/" + name + " not found");
    }
}

package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.wire.BotAddRequest;
import dev.lanyard.issuer.wire.StatusResponse;
import dev.lanyard.issuer.wire.TokenAddRequest;
import dev.lanyard.issuer.wire.TokenResponse;
import dev.lanyard.issuer.wire.TotpResponse;
import dev.lanyard.issuer.wire.UserAddRequest;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Routes that need a client identity (mTLS): {@code GET /v1/status}, {@code POST /v1/ca/rotate},
 * ({@code POST /v1/svid} is {@link SvidRoute}),
 * {@code POST /v1/users}, {@code POST /v1/users/NAME/totp}, {@code POST /v1/bots},
 * {@code POST /v1/tokens}, {@code GET /v1/audit}.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityApi {
    @Inject
    Issuer issuer;

    @GET
    @Path("/status")
    public StatusResponse status(@Context HttpServerRequest http) {
        Peer.caller(issuer, http);
        return issuer.status();
    }

    @POST
    @Path("/ca/rotate")
    public StatusResponse rotate(dev.lanyard.issuer.wire.RotateRequest request, @Context HttpServerRequest http) {
        return issuer.rotate(Peer.caller(issuer, http), request);
    }

    @POST
    @Path("/users")
    public TokenResponse addUser(UserAddRequest request, @Context HttpServerRequest http) {
        return issuer.enroll().addUser(Peer.caller(issuer, http), request);
    }

    @POST
    @Path("/users/{name}/totp")
    public TotpResponse enrollTotp(@jakarta.ws.rs.PathParam("name") String name, @Context HttpServerRequest http) {
        return issuer.logins().enrollTotp(Peer.caller(issuer, http), name, issuer.trustDomain().name());
    }

    @POST
    @Path("/bots")
    public TokenResponse addBot(BotAddRequest request, @Context HttpServerRequest http) {
        return issuer.enroll().addBot(Peer.caller(issuer, http), request);
    }

    @POST
    @Path("/tokens")
    public TokenResponse addToken(TokenAddRequest request, @Context HttpServerRequest http) {
        return issuer.enroll().addToken(Peer.caller(issuer, http), request);
    }

    @GET
    @Path("/audit")
    public List<Map<String, Object>> audit(@QueryParam("since") String since, @QueryParam("spiffe_id") String spiffeId,
                                           @QueryParam("limit") @DefaultValue("1000") int limit,
                                           @Context HttpServerRequest http) {
        Instant from;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new LanyardException(Failure.INVALID_INPUT, "since: not an RFC 3339 time: " + since);
        }
        return issuer.audit(Peer.caller(issuer, http), from, spiffeId, limit).stream().map(AuditEvent::toMap).toList();
    }
}

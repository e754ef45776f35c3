package dev.lanyard.issuer.server.join;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * {@code POST /v1/bot/join} (no client certificate: the token or JWT is the proof) and
 * {@code POST /v1/bot/renew} (mTLS with the bot's identity). Thin: requests go to
 * {@link BotJoinService}; failures become HTTP statuses in the issuer's one exception mapper.
 */
@Path("/v1/bot")
@Singleton
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BotJoinResource {
    @Inject
    Issuer issuer;

    private volatile BotJoinService service;

    @POST
    @Path("join")
    public BotIdentityResponse join(BotJoinRequest request) {
        return service().join(require(request));
    }

    @POST
    @Path("renew")
    public BotIdentityResponse renew(BotRenewRequest request, @Context HttpServerRequest http) {
        X509Certificate cert = peer(http);
        Caller caller = issuer.authenticator().authenticate(cert);
        return service().renew(caller, cert, require(request));
    }

    private BotJoinService service() {
        BotJoinService s = service;
        if (s == null) {
            synchronized (this) {
                if (service == null) {
                    service = new BotJoinService(issuer);
                }
                s = service;
            }
        }
        return s;
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new LanyardException(Failure.INVALID_INPUT, "the request has no JSON body");
        }
        return body;
    }

    private static X509Certificate peer(HttpServerRequest http) {
        SSLSession session = http.sslSession();
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}

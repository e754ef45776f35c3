package dev.lanyard.issuer.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.lanyard.common.error.Failure;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.wire.ErrorBody;
import dev.lanyard.issuer.wire.SvidRequest;
import dev.lanyard.issuer.wire.SvidResponse;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * {@code POST /v1/svid} as a plain Vert.x route: the body is read on the I/O thread (at most
 * {@link #MAX_BODY} bytes), the issuance (authentication, RBAC, signing, the durable audit commit)
 * runs on a worker thread, and the answer is written back on the I/O thread. Same JSON in and out,
 * same statuses and {@link ErrorBody} as the REST resources ({@link ErrorMapper#map}), but without the
 * REST pipeline, which cost about as much CPU per issuance as the rest of the HTTP layer together.
 */
@ApplicationScoped
public class SvidRoute {
    static final String PATH = "/v1/svid";
    /** As {@code quarkus.http.limits.max-body-size} for the other routes. */
    static final long MAX_BODY = 512 * 1024;
    private static final String JSON = "application/json";

    @Inject
    Issuer issuer;

    @Inject
    ObjectMapper mapper;

    private ObjectReader requests;
    private ObjectWriter responses;
    private ObjectWriter errors;

    void register(@Observes Router router) {
        requests = mapper.readerFor(SvidRequest.class);
        responses = mapper.writerFor(SvidResponse.class);
        errors = mapper.writerFor(ErrorBody.class);
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !type.regionMatches(true, 0, JSON, 0, JSON.length())) {
            answer(ctx, ErrorMapper.map(415, Failure.USAGE, "HTTP 415: send the request body as " + JSON));
            return;
        }
        X509Certificate peer = Peer.certificate(ctx.request());
        Buffer body = ctx.body().buffer();
        ctx.vertx().executeBlocking(() -> issue(peer, body), false).onComplete(done -> {
            if (done.succeeded()) {
                ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .end(Buffer.buffer(done.result()));
            } else {
                answer(ctx, ErrorMapper.map(done.cause()));
            }
        });
    }

    private byte[] issue(X509Certificate peer, Buffer body) throws IOException {
        SvidRequest request = requests.readValue(body == null ? new byte[0] : body.getBytes());
        return responses.writeValueAsBytes(issuer.svids().issue(issuer.authenticator().authenticate(peer), request));
    }

    private void answer(RoutingContext ctx, ErrorMapper.Mapped error) {
        byte[] json;
        try {
            json = errors.writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            json = ("{\"error\":\"INTERNAL\",\"exit_code\":" + Failure.INTERNAL.exitCode() + "}").getBytes(StandardCharsets.US_ASCII);
        }
        ctx.response().setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(json));
    }
}

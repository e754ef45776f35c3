package dev.lanyard.issuer.server.api;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become HTTP statuses: {@link Failure#httpStatus()} and an {@link ErrorBody}. */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    /** An error answer: HTTP status and body. */
    record Mapped(int status, ErrorBody body) {
    }

    static Mapped map(Failure f, String message) {
        return new Mapped(f.httpStatus(), new ErrorBody(f.name(), f.exitCode(), message));
    }

    /** A refusal by the HTTP layer itself (e.g. 415), with the failure kind {@link #web} gives it. */
    static Mapped map(int status, Failure f, String message) {
        return new Mapped(status, new ErrorBody(f.name(), f.exitCode(), message));
    }

    /** The answer to a failure: for the REST mappers below and for the Vert.x routes ({@link SvidRoute}). */
    static Mapped map(Throwable e) {
        if (e instanceof LanyardException le) {
            if (le.failure() == Failure.INTERNAL) {
                LOG.error("internal error", le);
            }
            return map(le.failure(), le.getMessage());
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException je) {
            return map(Failure.INVALID_INPUT, "malformed request body: " + firstLine(je.getOriginalMessage()));
        }
        LOG.error("unexpected error", e);
        return map(Failure.INTERNAL, "internal error in the issuer; see its log");
    }

    @ServerExceptionMapper
    public Response lanyard(LanyardException e) {
        return response(map(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Failure f = switch (status) {
            case 404 -> Failure.NOT_FOUND;
            case 401, 403 -> Failure.DENIED;
            case 405, 406, 415 -> Failure.USAGE;
            case 413 -> Failure.INVALID_INPUT;
            default -> status < 500 ? Failure.INVALID_INPUT : Failure.INTERNAL;
        };
        String message = status == 400 ? "malformed request body: " + firstLine(e.getMessage())
                : "HTTP " + status + ": " + firstLine(e.getMessage());
        return response(map(status, f, message));
    }

    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e) {
        return response(map(e));
    }

    @ServerExceptionMapper
    public Response mismatch(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response other(Exception e) {
        return response(map(e));
    }

    private static Response response(Mapped m) {
        return Response.status(m.status()).entity(m.body()).type(MediaType.APPLICATION_JSON).build();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

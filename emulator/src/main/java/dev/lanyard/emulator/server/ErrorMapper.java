package dev.lanyard.emulator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Xml;
import dev.lanyard.emulator.auth.SigV4Authorization;
import dev.lanyard.emulator.iam.IamActions;
import dev.lanyard.emulator.sts.StsActions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become HTTP responses. Roles Anywhere routes get restJson1 framing
 * (X-Amzn-ErrorType + {"message"} + lanyardExplanation); POST / (IAM, STS) gets the awsQuery XML
 * ErrorResponse. The explanation follows the AWS message after " — " unless --aws-exact-errors.
 */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorContext context;

    @ServerExceptionMapper
    public Response aws(AwsError e, HttpServerRequest req) {
        return render(e, req);
    }

    @ServerExceptionMapper
    public Response lanyard(LanyardException e, HttpServerRequest req) {
        if (e instanceof AwsError aws) {
            return render(aws, req);
        }
        int status = e.failure().httpStatus();
        String code = switch (status) {
            case 400 -> "ValidationException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 409 -> "ConflictException";
            default -> "InternalServerException";
        };
        return render(new AwsError(code, status, status >= 500 ? "Internal failure" : "Request refused", e.getMessage()), req);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest req) {
        int status = e.getResponse().getStatus();
        String code = status == 404 ? "UnknownOperationException" : status == 405 ? "UnknownOperationException"
                : status == 415 ? "UnsupportedMediaTypeException" : "ValidationException";
        return render(new AwsError(code, status, status == 404 || status == 405 ? "Unknown operation" : "Bad request",
                req.method() + " " + req.path() + ": " + e.getMessage()), req);
    }

    @ServerExceptionMapper
    public Response other(Throwable e, HttpServerRequest req) {
        LOG.errorf("internal error on %s %s: %s", req.method(), req.path(), e.toString());
        return render(new AwsError("InternalServerException", 500, "Internal failure",
                "the emulator failed unexpectedly: " + e.getClass().getSimpleName()), req);
    }

    private Response render(AwsError e, HttpServerRequest req) {
        boolean exact = context.awsExactErrors;
        String message = e.messageFor(exact);
        if ("/".equals(req.path()) && "POST".equals(req.method().name())) {
            String ns = "sts".equals(SigV4Authorization.serviceOf(req.getHeader("Authorization")))
                    ? StsActions.NAMESPACE : IamActions.NAMESPACE;
            return Response.status(e.status()).type("text/xml").entity(Xml.error(ns, e.code(), message)).build();
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("message", message);
        if (!exact && !e.explanation().isEmpty()) {
            body.put("lanyardExplanation", e.explanation());
        }
        return Response.status(e.status()).type("application/json").header("X-Amzn-ErrorType", e.code())
                .entity(body.toString()).build();
    }
}

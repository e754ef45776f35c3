package dev.lanyard.emulator.server;

import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.AwsError;
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
        ErrorBody b;
        if ("/".equals(req.path()) && "POST".equals(req.method().name())) {
            b = ErrorBody.xml(e, exact, "sts".equals(SigV4Authorization.serviceOf(req.getHeader("Authorization")))
                    ? StsActions.NAMESPACE : IamActions.NAMESPACE);
        } else {
            b = ErrorBody.json(e, exact);
        }
        Response.ResponseBuilder r = Response.status(b.status()).type(b.contentType()).entity(b.body());
        if (b.errorTypeHeader() != null) {
            r.header("X-Amzn-ErrorType", b.errorTypeHeader());
        }
        return r.build();
    }
}

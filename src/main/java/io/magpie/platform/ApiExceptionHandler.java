package io.magpie.platform;

import io.magpie.platform.ProblemException.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure of a REST controller into {@code application/problem+json} with a stable code. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ProblemResponses.entity(e);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(JsonNames.snake(f.getField()), codeOf(f.getCode()), f.getDefaultMessage()))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", detail, fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(
                                r.getMethodParameter().getParameterName(), "invalid", err.getDefaultMessage())))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", detail, fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException) {
            return tooLarge(e);
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return respond(fieldProblem(field, "unknown_field", "unknown field '" + field + "'"));
        }
        if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            String expected = f.getTargetType() == null ? "another type" : describe(f.getTargetType());
            return respond(fieldProblem(field, "invalid_value", "'" + f.getValue() + "' is not a valid " + expected));
        }
        if (cause instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return respond(fieldProblem(field.isEmpty() ? "body" : field, "wrong_type", "expected " + expected));
        }
        if (cause instanceof StreamReadException) {
            return respond(ProblemException.badRequest(
                    "malformed_json", "request body is not valid JSON: " + firstLine(cause.getMessage())));
        }
        if (cause instanceof ProblemException p) {
            return respond(p);
        }
        if (cause instanceof JacksonException j) {
            return respond(ProblemException.badRequest("invalid_body", firstLine(j.getOriginalMessage())));
        }
        return respond(ProblemException.badRequest("invalid_body", "request body is missing or unreadable"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(fieldProblem(e.getName(), "invalid_value", "'" + e.getValue() + "' is not a valid value"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(fieldProblem(e.getParameterName(), "required", "parameter is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(fieldProblem(e.getHeaderName(), "required", "header is required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(new ProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "content type is not supported; send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(new ProblemException(
                HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "cannot produce the requested media type"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(new ProblemException(HttpStatus.NOT_FOUND, "not_found", "no such endpoint"));
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, PayloadTooLargeException.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e) {
        return respond(
                new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "request body is too large"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(ProblemException.badRequest("invalid_multipart", "expected a multipart/form-data upload"));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
        return respond(new ProblemException(
                HttpStatus.FORBIDDEN, "insufficient_scope", "this API key lacks the scope this operation needs"));
    }

    /**
     * A constraint the data broke is a conflict (409); a value PostgreSQL cannot store at all (SQLState
     * class 22: a NUL character, a number out of range, bad encoding) is the request's fault (400).
     * Modules validate their fields first; this is the backstop for what they missed.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("integrity violation: {}", firstLine(e.getMostSpecificCause().getMessage()));
        if (dataException(e)) {
            return respond(ProblemException.badRequest(
                    "invalid_value",
                    "a value in the request cannot be stored (a control character, or a number out of range)"));
        }
        return respond(ProblemException.conflict("conflict", "the change conflicts with existing data"));
    }

    private static boolean dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22");
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(new ProblemException(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "an unexpected error occurred; quote the request id"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemException e) {
        return ProblemResponses.entity(e);
    }

    private static ProblemException fieldProblem(String field, String code, String message) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, code, field + ": " + message, List.of(new FieldProblem(field, code, message)));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value; allowed: "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String codeOf(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size" -> "size";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "out_of_range";
            case "Pattern", "Email" -> "format";
            default -> "invalid";
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

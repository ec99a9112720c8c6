package io.magpie.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure that reaches the client as an RFC 9457 problem with a stable machine {@code code}.
 * Throw it from any module; {@link ProblemResponses} renders it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ProblemException(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException invalidField(String field, String code, String detail) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, "validation_failed", detail, List.of(new FieldProblem(field, code, detail)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not_found", what + " '" + id + "' does not exist");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One offending field of a request. */
    public record FieldProblem(String field, String code, String message) {}
}

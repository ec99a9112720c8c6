package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Collects every problem of an input before anything is written, so a client sees all of them in
 * one answer instead of fixing them one round trip at a time.
 */
final class InputErrors {

    private static final int DETAIL_ITEMS = 5;

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String code, String message) {
        problems.add(new FieldProblem(field, code, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    boolean has(String code) {
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }

    List<FieldProblem> list() {
        return List.copyOf(problems);
    }

    /** 400 {@code validation_failed} with all problems, when there are any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "validation_failed");
        }
    }

    ProblemException problem(HttpStatus status, String code) {
        String detail = problems.stream()
                        .limit(DETAIL_ITEMS)
                        .map(p -> p.field() + ": " + p.message())
                        .collect(Collectors.joining("; "))
                + (problems.size() > DETAIL_ITEMS ? "; and " + (problems.size() - DETAIL_ITEMS) + " more" : "");
        return new ProblemException(status, code, detail, problems);
    }
}

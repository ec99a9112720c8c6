package io.magpie.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds problem+json bodies in one shape for the whole API. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static ProblemDetail problem(
            HttpStatus status, String code, String detail, List<ProblemException.FieldProblem> fields) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("https://magpie.io/problems/" + code.replace('_', '-')));
        pd.setTitle(status.getReasonPhrase());
        pd.setProperty("code", code);
        if (!fields.isEmpty()) {
            pd.setProperty("errors", fields);
        }
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            pd.setProperty("request_id", requestId);
        }
        return pd;
    }

    public static ResponseEntity<ProblemDetail> entity(ProblemException e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(e.status(), e.code(), e.getMessage(), e.fieldProblems()));
    }

    /** Writes a problem directly to a servlet response, for filters that run before Spring MVC. */
    public static void write(
            HttpServletResponse response, HttpStatus status, String code, String detail, Map<String, String> headers)
            throws IOException {
        ProblemDetail pd = problem(status, code, detail, List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        headers.forEach(response::setHeader);
        response.getWriter().write(WRITER.writeValueAsString(toMap(pd)));
        response.getWriter().flush();
    }

    private static Map<String, Object> toMap(ProblemDetail pd) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("type", pd.getType().toString());
        map.put("title", pd.getTitle());
        map.put("status", pd.getStatus());
        map.put("detail", pd.getDetail());
        if (pd.getProperties() != null) {
            map.putAll(pd.getProperties());
        }
        return map;
    }

    private static final JsonMapper WRITER = JsonMapper.builder().build();
}

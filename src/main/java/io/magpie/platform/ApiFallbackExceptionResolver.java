package io.magpie.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures under {@code /api/} that happen before a REST controller is chosen (no such path, wrong
 * method) still answer problem+json instead of the console's error page.
 */
@Component
class ApiFallbackExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiFallbackExceptionResolver.class);

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!request.getRequestURI().startsWith("/api/") || isRestController(handler)) {
            return null;
        }
        try {
            if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
                ProblemResponses.write(response, HttpStatus.NOT_FOUND, "not_found", "no such endpoint", Map.of());
            } else if (ex instanceof HttpRequestMethodNotSupportedException m) {
                ProblemResponses.write(
                        response, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", m.getMessage(), Map.of());
            } else if (ex instanceof HttpMediaTypeNotSupportedException) {
                ProblemResponses.write(
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        "content type is not supported; send application/json",
                        Map.of());
            } else {
                log.error("unexpected failure before a controller was chosen", ex);
                ProblemResponses.write(
                        response,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal_error",
                        "an unexpected error occurred; quote the request id",
                        Map.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    private static boolean isRestController(Object handler) {
        return handler instanceof HandlerMethod hm
                && AnnotatedElementUtils.hasAnnotation(hm.getBeanType(), RestController.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

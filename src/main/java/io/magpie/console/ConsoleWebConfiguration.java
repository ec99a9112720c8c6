package io.magpie.console;

import io.magpie.platform.ConsoleMenuItem;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the shell into Spring MVC: the layout interceptor and the console's error pages. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    private final List<ConsoleMenuItem> items;
    private final Tenants tenants;

    ConsoleWebConfiguration(List<ConsoleMenuItem> items, Tenants tenants) {
        this.items = items;
        this.tenants = tenants;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleLayoutAdvice(items, tenants)).excludePathPatterns("/api/**");
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(problemsOfPages());
    }

    /**
     * A page that throws a {@link ProblemException} (say, an order of another tenant: not found)
     * answers with that status through the error page of the shell; REST controllers keep their
     * problem+json handler.
     */
    static HandlerExceptionResolver problemsOfPages() {
        return (request, response, handler, ex) -> {
            if (!(ex instanceof ProblemException problem)
                    || !(handler instanceof HandlerMethod method)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                    || method.hasMethodAnnotation(ResponseBody.class)) {
                return null;
            }
            try {
                response.sendError(problem.status().value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ModelAndView();
        };
    }
}

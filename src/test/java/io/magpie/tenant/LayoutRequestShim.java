package io.magpie.tenant;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * TEST-ONLY STOPGAP, delete when merging the console branch: this branch's
 * {@code console/layout.html} reads {@code #httpServletRequest}, which Thymeleaf 3.1 no longer
 * offers, so any navigation item other than {@code /} fails every console page. The console
 * branch replaces it with a {@code currentPath} model attribute; until then this provides the
 * old name so the settings pages can be tested.
 */
@Configuration(proxyBeanMethods = false)
class LayoutRequestShim {

    /** What the old layout reads: only the request URI. */
    public record RequestPath(String requestURI) {
        public String getRequestURI() {
            return requestURI;
        }
    }

    @Bean
    AbstractDialect layoutRequestShimDialect() {
        return new Dialect();
    }

    static final class Dialect extends AbstractDialect implements IExpressionObjectDialect {
        Dialect() {
            super("layoutRequestShim");
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("httpServletRequest");
                }

                @Override
                public Object buildObject(IExpressionContext context, String name) {
                    return context instanceof IWebContext web
                            ? new RequestPath(web.getExchange().getRequest().getRequestPath())
                            : null;
                }

                @Override
                public boolean isCacheable(String name) {
                    return false;
                }
            };
        }
    }
}

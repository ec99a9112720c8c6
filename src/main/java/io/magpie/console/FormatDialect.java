package io.magpie.console;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Offers {@link Formats} to every template as {@code #fmt}, so no module needs a Java dependency for it. */
@Component
class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final Formats FORMATS = new Formats();

    FormatDialect() {
        super("magpie-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return FORMATS;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}

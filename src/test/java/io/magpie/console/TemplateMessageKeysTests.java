package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code #{key}} a template uses exists in the English bundles (dynamic keys are skipped). */
class TemplateMessageKeysTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    // a static key, optionally with arguments: #{commerce.order.title(${o.orderNo})}
    static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)(\\(|\\})");

    @Test
    void everyStaticMessageKeyExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (String name : I18nPropertiesSyncTests.basenames()) {
            known.addAll(I18nPropertiesSyncTests.load(I18nPropertiesSyncTests.I18N.resolve(name + ".properties"))
                    .stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                    if (!known.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(used).as("keys found in templates").contains("dashboard.title", "commerce.orders.title");
        assertThat(missing)
                .as("message keys used in templates but missing in the bundles")
                .isEmpty();
    }

    @Test
    void theKeyPatternSkipsDynamicKeys() {
        assertThat(KEY.matcher("#{${group.key}}").find()).isFalse();
        assertThat(KEY.matcher("#{__${k}__}").find()).isFalse();
        Matcher m = KEY.matcher("th:text=\"#{commerce.order.title(${o.orderNo})}\"");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("commerce.order.title");
    }
}

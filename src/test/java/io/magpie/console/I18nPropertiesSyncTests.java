package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message bundle is complete in English and Simplified Chinese. */
class I18nPropertiesSyncTests {

    static final Path I18N = Path.of("src/main/resources/i18n");

    static List<String> basenames() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInBothLanguagesAndNoEmptyValue() throws IOException {
        List<String> names = basenames();
        assertThat(names).contains("messages", "console", "commerce");
        for (String name : names) {
            Path zh = I18N.resolve(name + "_zh_CN.properties");
            assertThat(zh).as("Chinese bundle of " + name).exists();
            Properties en = load(I18N.resolve(name + ".properties"));
            Properties cn = load(zh);
            assertThat(cn.stringPropertyNames())
                    .as("keys of %s_zh_CN vs %s", name, name)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (Properties bundle : List.of(en, cn)) {
                bundle.forEach((k, v) -> assertThat(v.toString().strip())
                        .as("value of %s in %s", k, name)
                        .isNotEmpty());
            }
        }
    }

    @Test
    void noChineseBundleWithoutItsEnglishOne() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_zh_CN.properties"))
                    .forEach(n ->
                            assertThat(I18N.resolve(n.replace("_zh_CN", ""))).exists());
        }
    }
}

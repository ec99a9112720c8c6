package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every commerce message exists in English and Simplified Chinese. */
class CommerceMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CommerceMessagesTests.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLocalesHaveTheSameKeys() throws IOException {
        Properties en = load("commerce.properties");
        Properties zh = load("commerce_zh_CN.properties");
        assertThat(en).containsKey("nav.imports");
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        zh.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    }
}

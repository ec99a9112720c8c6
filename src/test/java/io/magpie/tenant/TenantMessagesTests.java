package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message of the tenant module exists in English and Chinese, and every key a page uses exists. */
class TenantMessagesTests {

    @Test
    void bothLocalesHaveTheSameNonEmptyKeys() throws IOException {
        Properties en = load("i18n/tenant.properties");
        Properties zh = load("i18n/tenant_zh_CN.properties");

        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(en.stringPropertyNames())
                .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
        assertThat(zh.stringPropertyNames())
                .allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
        assertThat(zh.getProperty("tenant.apiKeys.title")).isEqualTo("API 密钥");
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Properties all = load("i18n/tenant.properties");
        all.putAll(load("i18n/messages.properties"));
        all.putAll(load("i18n/console.properties"));
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/tenant"))) {
            for (Path template : templates.toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    assertThat(all).as(template + " uses " + m.group(1)).containsKey(m.group(1));
                }
            }
        }
    }

    @Test
    void everyRoleScopeAndOwnAuditActionHasALabel() throws IOException {
        Properties en = load("i18n/tenant.properties");
        for (Role role : Role.values()) {
            assertThat(en).containsKey("tenant.role." + role.name());
        }
        for (String scope : io.magpie.platform.Scopes.ALL) {
            assertThat(en).containsKey("tenant.scope." + scope);
        }
        for (String action : new String[] {
            "api_key.created", "api_key.revoked", "user.created", "user.updated", "user.password_changed"
        }) {
            assertThat(en).containsKey("tenant.audit.action." + action);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                TenantMessagesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}

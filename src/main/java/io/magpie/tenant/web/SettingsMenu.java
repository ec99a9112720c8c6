package io.magpie.tenant.web;

import io.magpie.platform.ConsoleMenuItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settings entries of the console navigation; only owners see them (and may open them). */
@Configuration(proxyBeanMethods = false)
class SettingsMenu {

    private static final String GROUP = "nav.group.settings";
    private static final Set<String> OWNERS = Set.of("OWNER");

    @Bean
    ConsoleMenuItem apiKeysMenu() {
        return new ConsoleMenuItem(GROUP, 900, "/settings/api-keys", "nav.settings.apiKeys", "key", OWNERS);
    }

    @Bean
    ConsoleMenuItem usersMenu() {
        return new ConsoleMenuItem(GROUP, 910, "/settings/users", "nav.settings.users", "users", OWNERS);
    }

    @Bean
    ConsoleMenuItem auditLogMenu() {
        return new ConsoleMenuItem(GROUP, 920, "/settings/audit-log", "nav.settings.auditLog", "shield", OWNERS);
    }
}

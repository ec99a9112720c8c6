package io.magpie.promotion.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The promotion pages in the console navigation; other promotion pages join the same group. */
@Configuration(proxyBeanMethods = false)
class PromotionMenu {

    static final String GROUP = "nav.group.promotion";

    @Bean
    ConsoleMenuItem campaignsMenu() {
        return ConsoleMenuItem.of(GROUP, 100, "/campaigns", "nav.campaigns", "megaphone");
    }
}

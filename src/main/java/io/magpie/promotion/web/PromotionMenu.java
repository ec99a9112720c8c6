package io.magpie.promotion.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign pages in the console navigation, first in the promotions group (its label is in i18n/results). */
@Configuration(proxyBeanMethods = false)
class PromotionMenu {

    static final String GROUP = "nav.group.promotions";

    @Bean
    ConsoleMenuItem campaignsMenu() {
        return ConsoleMenuItem.of(GROUP, 10, "/campaigns", "nav.campaigns", "megaphone");
    }
}

package io.magpie.promotion.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Campaign results in the console navigation. */
@Configuration(proxyBeanMethods = false)
class ResultsMenu {

    @Bean
    ConsoleMenuItem promotionResultsMenu() {
        return ConsoleMenuItem.of("nav.group.promotions", 90, "/promotions/results", "nav.promotionResults", "chart");
    }
}

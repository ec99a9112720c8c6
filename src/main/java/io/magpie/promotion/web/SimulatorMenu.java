package io.magpie.promotion.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cart simulator in the console navigation, with the other promotion pages. */
@Configuration(proxyBeanMethods = false)
class SimulatorMenu {

    @Bean
    ConsoleMenuItem cartSimulatorMenuItem() {
        return ConsoleMenuItem.of("nav.group.promotions", 90, "/promotions/simulator", "nav.simulator", "cart");
    }
}

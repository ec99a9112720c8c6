package io.magpie.commerce.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commerce pages in the console navigation (imports, at 40, are declared with the import pages). */
@Configuration(proxyBeanMethods = false)
class CommerceMenu {

    static final String GROUP = "nav.group.commerce";

    @Bean
    ConsoleMenuItem productsMenu() {
        return ConsoleMenuItem.of(GROUP, 10, "/products", "nav.products", "box");
    }

    @Bean
    ConsoleMenuItem customersMenu() {
        return ConsoleMenuItem.of(GROUP, 20, "/customers", "nav.customers", "users");
    }

    @Bean
    ConsoleMenuItem ordersMenu() {
        return ConsoleMenuItem.of(GROUP, 30, "/orders", "nav.orders", "receipt");
    }
}

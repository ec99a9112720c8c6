package io.magpie.console;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the navigation entry of the dashboard. */
@Controller
class ConsolePages {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem dashboardMenu() {
            return ConsoleMenuItem.of("nav.group.overview", 0, "/", "nav.dashboard", "grid");
        }
    }
}

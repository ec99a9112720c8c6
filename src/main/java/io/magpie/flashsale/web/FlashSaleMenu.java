package io.magpie.flashsale.web;

import io.magpie.platform.ConsoleMenuItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Flash sales in the console navigation, with the other promotions. */
@Configuration(proxyBeanMethods = false)
class FlashSaleMenu {

    @Bean
    ConsoleMenuItem flashSalesMenu() {
        return ConsoleMenuItem.of("nav.group.promotions", 70, "/flash-sales", "nav.flashSales", "zap");
    }
}

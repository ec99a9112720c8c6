package io.magpie.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * springdoc describes models with swagger-core's own (Jackson 2) mapper, which does not see the
     * API's snake_case naming; this resolver makes the documented property names the real ones.
     */
    @Bean
    io.swagger.v3.core.jackson.ModelResolver snakeCaseModelResolver() {
        return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json.mapper()
                .copy()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI magpieOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Magpie API")
                        .version("v1")
                        .description("Marketing campaign platform. Amounts are integers in minor units (fen); "
                                + "errors are RFC 9457 problem+json with a stable `code`; mutating calls accept "
                                + "`Idempotency-Key`; lists use cursor paging."))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        "apiKey",
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("API key")
                                                .description(
                                                        "`Authorization: Bearer <api key>`; create keys in the console or via /api/v1/api-keys")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}

package io.magpie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Magpie: a self-hosted marketing campaign platform. */
@SpringBootApplication
@EnableScheduling
public class MagpieApplication {

    public static void main(String[] args) {
        SpringApplication.run(MagpieApplication.class, args);
    }
}

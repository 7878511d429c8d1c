package org.steppewatch.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OpenID Connect provider of Steppe Watch (Spring Authorization Server): signs the JWTs the services accept,
 * signs people in, and keeps users, clients, roles and its signing key in MongoDB.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static final String CONFIG_NAME = "auth-server";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package dev.autogen.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot application with JPA: all it has of autogen is the starter on its class path. */
@SpringBootApplication
public class TestApplication {
}

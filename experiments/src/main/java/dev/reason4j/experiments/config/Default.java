package dev.reason4j.experiments.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a config key takes when the file leaves it out, written as YAML ({@code "1e-6"},
 * {@code "dapo"}, {@code "{}"} for a section of defaults, {@code "null"} for "not set"). A record
 * component without it is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    String value();
}

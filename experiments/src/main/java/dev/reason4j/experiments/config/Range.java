package dev.reason4j.experiments.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The values a numeric config key accepts; checked when the config is read, before any work. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is refused. */
    boolean minExclusive() default false;

    /** Whether {@link #max()} itself is refused. */
    boolean maxExclusive() default false;
}

/** The Countdown arithmetic game: {@link dev.reason4j.verifiers.countdown.CountdownVerifier} checks an expression over given numbers against a target, exactly. */
package dev.reason4j.verifiers.countdown;

/** Deciding whether a response is right: math answers, Countdown expressions, code against tests in a sandbox. No DJL. */
package dev.reason4j.verifiers;

/**
 * Judging model-written programs: {@link dev.reason4j.verifiers.code.CodeVerifier} extracts the
 * last code block, runs it against stdin/stdout or call-based tests inside a
 * {@link dev.reason4j.verifiers.code.Sandbox} (bubblewrap: no network, read-only system, own PID
 * namespace, rlimits, cleared environment) and returns a {@link dev.reason4j.verifiers.Verdict}
 * whose kind separates wrong answer, runtime error, timeout, memory, output, compile error and
 * sandbox failure.
 */
package dev.reason4j.verifiers.code;

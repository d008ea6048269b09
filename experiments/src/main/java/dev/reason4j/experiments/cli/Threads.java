package dev.reason4j.experiments.cli;

/** Fixes libtorch's thread pools; only effective before the engine first loads. */
final class Threads {
    private Threads() {
    }

    static void configure(Integer threads) {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}

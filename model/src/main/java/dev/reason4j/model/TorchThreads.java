package dev.reason4j.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's intra-op thread count, which is process-wide. A thread that runs its first torch op takes
 * the count in force at that moment and keeps it, so work split over Java threads sets the count
 * before those threads start and restores it afterwards.
 */
public final class TorchThreads {
    private TorchThreads() {
    }

    /** The current intra-op thread count. */
    public static int intraOp() {
        Engine.getEngine("PyTorch"); // loads the natives if nothing has yet
        return JniUtils.getNumThreads();
    }

    /** Sets the intra-op thread count for the calling thread and for threads that start torch work from now on. */
    public static void setIntraOp(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
    }
}

package dev.reason4j.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.reason4j.core.Reason4jException;

/** Maps a device name from the CLI or YAML ({@code cpu}, {@code gpu}, {@code gpu:N}) to a DJL device. */
public final class Devices {
    private Devices() {
    }

    /** Fails at once, with the reason, when a GPU is asked for and the loaded libtorch sees none. */
    public static Device parse(String name) {
        String n = name == null ? "cpu" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu") || n.equals("cuda") || n.matches("(gpu|cuda):\\d+")) {
            int index = n.contains(":") ? Integer.parseInt(n.substring(n.indexOf(':') + 1)) : 0;
            int available = Engine.getInstance().getGpuCount();
            if (index >= available) {
                throw new Reason4jException("device " + name + " was asked for but the loaded libtorch sees " + available
                        + " GPU(s); set PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.1 before ./reason4j, or use device: cpu");
            }
            return Device.gpu(index);
        }
        throw new Reason4jException("unknown device \"" + name + "\": use cpu, gpu or gpu:N");
    }
}

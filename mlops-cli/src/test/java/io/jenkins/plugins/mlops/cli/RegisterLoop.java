package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.registry.Registry;
import java.nio.file.Path;

/** A child process for RegistryProcessTest: registers one package {@code n} times. */
public final class RegisterLoop {
    private RegisterLoop() {
    }

    public static void main(String[] args) {
        Registry registry = new Registry(Path.of(args[0]));
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            registry.register(Path.of(args[1]), args[2], "loop-" + ProcessHandle.current().pid());
        }
    }
}

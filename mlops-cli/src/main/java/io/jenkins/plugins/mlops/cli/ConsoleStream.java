package io.jenkins.plugins.mlops.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Sends a step's progress lines (a PrintStream API) to the command's console writer. */
final class ConsoleStream extends OutputStream {
    private final PrintWriter console;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ConsoleStream(PrintWriter console) {
        this.console = console;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            console.println("   " + line.toString(StandardCharsets.UTF_8));
            console.flush();
            line.reset();
        } else {
            line.write(b);
        }
    }
}

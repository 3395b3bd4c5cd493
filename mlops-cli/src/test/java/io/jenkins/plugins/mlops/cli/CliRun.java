package io.jenkins.plugins.mlops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI: exit code and what it printed. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mlops.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The error output is exactly one line: no stack trace, no usage dump. */
    boolean oneLineError() {
        return err.strip().lines().count() == 1;
    }
}

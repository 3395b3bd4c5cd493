package io.jenkins.plugins.mlops.cli;

import picocli.CommandLine;

/**
 * A command that only groups subcommands: called bare, it is a usage error (exit 2) naming the subcommands, taken from
 * picocli's model so the message cannot go stale when a subcommand is added.
 */
abstract class CommandGroup implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}

package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mlops} command: one subcommand per Level-2 step. */
@Command(name = "mlops", mixinStandardHelpOptions = true, version = "mlops 0.1.0",
        description = "Level 2 MLOps pipeline steps: validate data, train (DL4J), test, gate, register, serve,"
                + " deploy, monitor.%nExit codes: 0 passed, 1 the checked thing failed, 2 usage or input error.",
        subcommands = {ValidateCommand.class, SchemaCommand.class, TrainCommand.class, PredictCommand.class,
            PackageCommand.class,
            TuneCommand.class, TestCommand.class, GateCommand.class, ApproveCommand.class, AuditCommand.class,
            CanaryCommand.class, ShadowCommand.class,
            RegistryCommand.class, ServeCommand.class, DeployCommand.class, MonitorCommand.class,
            CommandLine.HelpCommand.class})
public final class Mlops extends CommandGroup {
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; never throws, returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Mlops());
        for (ToolCommand tool : ServiceLoader.load(ToolCommand.class)) {
            cli.addSubcommand(tool);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("mlops " + (command.equals("mlops") ? "" : command + ": ") + "error: " + e.getMessage()
                    + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            if (e instanceof InvalidInputException) {
                err.println(command + ": error: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
            if (e instanceof UncheckedIOException) {
                err.println(command + ": error: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
            err.println(command + ": internal error (a bug, please report it): " + e);
            if (System.getenv("MLOPS_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("  set MLOPS_DEBUG=1 for the stack trace");
            }
            return ExitCodes.BUG;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the stack has unwound: what the command held is garbage now, so this line can be printed
            err.println("mlops " + String.join(" ", commandWords(cli, args)) + ": error: not enough memory for this data"
                    + " (the engine's heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB);"
                    + " give it more with MLOPS_JAVA_OPTS=-Xmx<size>, e.g. -Xmx8g");
            return ExitCodes.INPUT_ERROR;
        }
    }

    /** The subcommand words of the arguments ("schema infer"), for the message. */
    private static List<String> commandWords(CommandLine cli, String[] args) {
        List<String> words = new ArrayList<>();
        CommandLine current = cli;
        for (String arg : args) {
            CommandLine sub = current.getSubcommands().get(arg);
            if (sub == null) {
                break;
            }
            words.add(arg);
            current = sub;
        }
        return words;
    }
}

package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.ExitCodes;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mlops} command: one subcommand per Level-2 step. */
@Command(name = "mlops", mixinStandardHelpOptions = true, version = "mlops 0.1.0",
        description = "Level 2 MLOps pipeline steps: validate data, train (DL4J), test, gate, register, serve,"
                + " deploy, monitor.%nExit codes: 0 passed, 1 the checked thing failed, 2 usage or input error.")
public final class Mlops extends CommandGroup {
    /** The subcommands, in the order the usage help lists them; the tools found on the class path follow. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, SchemaCommand.class,
            TrainCommand.class, PredictCommand.class, PackageCommand.class, TuneCommand.class, TestCommand.class,
            GateCommand.class, ApproveCommand.class, AuditCommand.class, CanaryCommand.class, ShadowCommand.class,
            RegistryCommand.class, ServeCommand.class, DeployCommand.class, MonitorCommand.class);

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; never throws, returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
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

    /** The whole command tree, as the usage help shows it. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree for arguments starting with {@code first}: when it names a subcommand, only that one is
     * built. Picocli reads every option of every subcommand it is given, a fifth of a second of each forked step's
     * start-up when it is given all of them; help, options and unknown words get the whole tree.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Mlops());
        List<ServiceLoader.Provider<ToolCommand>> tools = ServiceLoader.load(ToolCommand.class).stream().toList();
        boolean named = first != null && Stream.concat(SUBCOMMANDS.stream(), tools.stream().map(ServiceLoader.Provider::type))
                .anyMatch(type -> name(type).equals(first));
        for (Class<?> type : SUBCOMMANDS) {
            if (!named || name(type).equals(first)) {
                cli.addSubcommand(type);
            }
        }
        for (ServiceLoader.Provider<ToolCommand> tool : tools) {
            if (!named || name(tool.type()).equals(first)) {
                cli.addSubcommand(tool.get());
            }
        }
        if (!named) {
            cli.addSubcommand(CommandLine.HelpCommand.class);
        }
        return cli;
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
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

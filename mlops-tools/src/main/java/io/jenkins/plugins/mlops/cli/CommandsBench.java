package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.train.TrainBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands a user and every Jenkins step run, each as a whole process with a cold JVM (the
 * {@code mlops} launcher, CSV in, schema, report or package out), beside its peer in the same
 * rounds: wall and peak RSS from {@code /usr/bin/time -v}, and the ratio peer / ours per round
 * (above 1: we are faster), as a median with its range over the rounds.
 */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Whole-process timings of mlops schema infer, validate and train, each beside its peer in the"
                + " same rounds (raw Commons CSV read, DuckDB SUMMARIZE, PyTorch + pandas), with /usr/bin/time -v wall"
                + " and peak RSS, and the ratio peer/ours (median and range).")
final class CommandsBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the 50-column validation file"
            + " (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--train-rows", defaultValue = "200000", description = "Rows of the training file (default"
            + " ${DEFAULT-VALUE}).")
    int trainRows;

    @Option(names = "--epochs", defaultValue = "10", description = "Training epochs, both sides (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--repeat", defaultValue = "3", description = "Rounds; each runs every command once (default"
            + " ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "mlops-bench-commands",
            description = "Where the data and outputs go (kept, reused when present).")
    Path work;

    @Option(names = "--mlops", paramLabel = "FILE", defaultValue = "./mlops", description = "The launcher to run"
            + " (default ${DEFAULT-VALUE}).")
    Path mlops;

    @Option(names = "--duckdb-jar", paramLabel = "JAR", description = "DuckDB's JDBC driver (Maven Central"
            + " org.duckdb:duckdb_jdbc); default: version 1.4.4.0 in ~/.m2 when there.")
    Path duckdbJar;

    @Option(names = "--only", paramLabel = "LIST", split = ",", description = "Groups to run: schema, validate, train,"
            + " penguins (default: all).")
    List<String> only;

    /** One command to time, with its environment. */
    record Run(String name, List<String> command, Map<String, String> env) {
    }

    /** What {@code /usr/bin/time -v} saw of one run. */
    record Measured(double seconds, long peakKb) {
    }

    /** Ours and the peers timed in the same rounds; each peer's ratio is against ours of its round. */
    record Group(String name, Run ours, List<Run> peers) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new InvalidInputException("needs /usr/bin/time (Debian package 'time') for wall and peak RSS");
        }
        if (!Files.isExecutable(mlops)) {
            throw new InvalidInputException(mlops + ": not the mlops launcher (give --mlops)");
        }
        Files.createDirectories(work);
        List<Group> groups = groups(out);
        out.printf(Locale.ROOT, "%-44s %18s %9s   %s%n", "command (whole process, cold JVM)", "wall s (range)",
                "peak RSS", "ratio peer/ours: median (range)");
        for (Group group : groups) {
            measure(group, out);
        }
        out.println("ratio above 1: ours is faster; each round runs ours and its peers back to back, the ratio is taken"
                + " per round. Rerun any line by hand: /usr/bin/time -v <command>.");
        return 0;
    }

    private boolean wanted(String group) {
        return only == null || only.contains(group);
    }

    private List<Group> groups(PrintWriter out) throws IOException, InterruptedException {
        String launcher = mlops.toAbsolutePath().toString();
        Path root = mlops.toAbsolutePath().getParent();
        List<Group> groups = new ArrayList<>();
        Path big = work.resolve("wide-" + rows + ".csv");
        Path schema = work.resolve("wide-" + rows + ".schema.json");
        if (wanted("schema") || wanted("validate")) {
            if (!Files.exists(big)) {
                BenchCommand.Validate.generate(big, rows);
            }
            out.printf(Locale.ROOT, "validation file: %,d rows x 50 columns, %.0f MB (%s)%n", rows, Files.size(big) / 1e6, big);
            if (!Files.exists(schema)) {
                time(new Run("schema", List.of(launcher, "schema", "infer", "--data", big.toString(), "--out",
                        schema.toString()), Map.of()));
            }
        }
        if (wanted("schema")) {
            groups.add(new Group("mlops schema infer (default heap)", new Run("schema infer", List.of(launcher, "schema",
                    "infer", "--data", big.toString(), "--out", work.resolve("again.schema.json").toString()), Map.of()),
                    List.of()));
            groups.add(new Group("mlops schema infer (-Xmx256m)", new Run("schema infer", List.of(launcher, "schema",
                    "infer", "--data", big.toString(), "--out", work.resolve("again.schema.json").toString()),
                    Map.of("MLOPS_JAVA_OPTS", "-Xmx256m")), List.of()));
        }
        if (wanted("validate")) {
            List<Run> peers = new ArrayList<>();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("java.class.path");
            peers.add(new Run("raw Commons CSV read, 1 thread", List.of(java, "-cp", classPath,
                    PeerReads.class.getName(), "commons-csv", big.toString()), Map.of()));
            Path duck = duckdbJar != null ? duckdbJar : Path.of(System.getProperty("user.home"),
                    ".m2/repository/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar");
            if (Files.exists(duck)) {
                peers.add(new Run("DuckDB SUMMARIZE, 2 threads", List.of(java, "-cp", classPath + ":" + duck,
                        PeerReads.class.getName(), "duckdb-summarize", big.toString()), Map.of()));
            } else {
                out.println("DuckDB peer skipped: no " + duck + " (mvn dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0)");
            }
            groups.add(new Group("mlops validate --schema", new Run("validate", List.of(launcher, "validate", "--data",
                    big.toString(), "--schema", schema.toString(), "--out", work.resolve("validate-out").toString()),
                    Map.of()), peers));
        }
        if (wanted("train")) {
            Path trainDir = work.resolve("train-" + trainRows);
            if (!Files.exists(trainDir.resolve(TrainBenchmark.CSV_FILE))) {
                TrainBenchmark.generate(trainDir, trainRows, 2026);
                TrainBenchmark.writeCsv(trainDir, epochs);
            }
            Path csv = trainDir.resolve(TrainBenchmark.CSV_FILE);
            List<Run> peers = new ArrayList<>();
            if (pythonHasTorch()) {
                for (String threads : List.of("1", "2")) {
                    peers.add(new Run("PyTorch + pandas, " + threads + " thread(s)", List.of("/usr/bin/python3",
                            root.resolve("tools/bench_pytorch_csv.py").toString(), csv.toString(), String.valueOf(epochs),
                            threads), Map.of("OMP_NUM_THREADS", threads, "OPENBLAS_NUM_THREADS", threads,
                            "MKL_NUM_THREADS", threads)));
                }
            } else {
                out.println("PyTorch peer skipped: /usr/bin/python3 has no torch (apt-get install python3-torch python3-pandas)");
            }
            for (String threads : List.of("2", "1")) {
                groups.add(new Group("mlops train, OMP_NUM_THREADS=" + threads, new Run("train", List.of(launcher,
                        "train", "--spec", trainDir.resolve(TrainBenchmark.SPEC_FILE).toString(), "--data", csv.toString(),
                        "--out", work.resolve("train-out").toString()), Map.of("OMP_NUM_THREADS", threads)),
                        threads.equals("2") ? peers : List.of()));
            }
        }
        if (wanted("penguins")) {
            Path penguins = work.resolve("penguins.csv");
            try (InputStream in = CommandsBench.class.getResourceAsStream("/demo/datasets/penguins.csv")) {
                Files.copy(in, penguins, StandardCopyOption.REPLACE_EXISTING);
            }
            Path penguinsSchema = root.resolve("test-fixtures/specs/penguins.schema.json");
            groups.add(new Group("mlops validate --schema, penguins (344 rows)", new Run("validate", List.of(launcher,
                    "validate", "--data", penguins.toString(), "--schema", penguinsSchema.toString(), "--out",
                    work.resolve("penguins-validate").toString()), Map.of()), List.of()));
            groups.add(new Group("mlops train, penguins.yaml", new Run("train", List.of(launcher, "train", "--spec",
                    root.resolve("test-fixtures/specs/penguins.yaml").toString(), "--data", penguins.toString(), "--out",
                    work.resolve("penguins-train").toString()), Map.of()), List.of()));
        }
        return groups;
    }

    private void measure(Group group, PrintWriter out) throws IOException, InterruptedException {
        int rounds = Math.max(1, repeat);
        double[] ours = new double[rounds];
        long oursPeak = 0;
        double[][] peers = new double[group.peers().size()][rounds];
        long[] peerPeaks = new long[group.peers().size()];
        for (int round = 0; round < rounds; round++) {
            Measured m = time(group.ours());
            ours[round] = m.seconds();
            oursPeak = Math.max(oursPeak, m.peakKb());
            for (int p = 0; p < peers.length; p++) {
                Measured pm = time(group.peers().get(p));
                peers[p][round] = pm.seconds();
                peerPeaks[p] = Math.max(peerPeaks[p], pm.peakKb());
            }
        }
        out.printf(Locale.ROOT, "%-44s %18s %6d MB%n", group.name(), spread(ours), oursPeak / 1024);
        for (int p = 0; p < peers.length; p++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = peers[p][r] / ours[r];
            }
            out.printf(Locale.ROOT, "  beside %-36s %18s %6d MB   %.2f (%.2f-%.2f)%n", group.peers().get(p).name(),
                    spread(peers[p]), peerPeaks[p] / 1024, median(ratios), Arrays.stream(ratios).min().orElseThrow(),
                    Arrays.stream(ratios).max().orElseThrow());
        }
        out.flush();
    }

    private static String spread(double[] seconds) {
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median(seconds), Arrays.stream(seconds).min().orElseThrow(),
                Arrays.stream(seconds).max().orElseThrow());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([\\d.]+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    /** One whole-process run under {@code /usr/bin/time -v}; its output goes to files beside the data. */
    private Measured time(Run run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        command.addAll(run.command());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(run.env());
        Path log = work.resolve("last-run.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new InvalidInputException(run.name() + " took more than 30 minutes");
        }
        String text = Files.readString(log);
        Matcher wall = WALL.matcher(text);
        Matcher rss = RSS.matcher(text);
        if (!wall.find() || !rss.find()) {
            throw new InvalidInputException("no /usr/bin/time -v figures in " + log);
        }
        double seconds = (wall.group(1) == null ? 0 : Integer.parseInt(wall.group(1)) * 3600)
                + Integer.parseInt(wall.group(2)) * 60 + Double.parseDouble(wall.group(3));
        if (process.exitValue() != 0) {
            throw new InvalidInputException(String.join(" ", run.command()) + " exited with " + process.exitValue()
                    + "; its output: " + log);
        }
        return new Measured(seconds, Long.parseLong(rss.group(1)));
    }

    private static boolean pythonHasTorch() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch, pandas").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }
}

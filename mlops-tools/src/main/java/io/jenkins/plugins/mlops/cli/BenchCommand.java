package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.CsvScanner;
import io.jenkins.plugins.mlops.data.MissingValues;
import io.jenkins.plugins.mlops.profile.RowSample;
import io.jenkins.plugins.mlops.schema.Schema;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.train.TrainBenchmark;
import io.jenkins.plugins.mlops.validation.ValidationPass;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print ratios against a baseline measured in the same run. 'commands' times what"
                + " users run (whole processes, cold JVMs); the others are in-process diagnostics.",
        subcommands = {CommandsBench.class, BenchCommand.Validate.class, BenchCommand.Train.class, BenchCommand.Serve.class})
public final class BenchCommand extends CommandGroup implements ToolCommand {
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "A model server on loopback with a penguins model against its own no-op endpoint, in one run:"
                    + " closed-loop single-row throughput and its ratio, latency percentiles at a fixed rate.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "10", description = "Per measurement (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--rate", defaultValue = "1000", description = "Requests/s of the latency run (default"
                + " ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--clients", defaultValue = "4", description = "Closed-loop clients (default ${DEFAULT-VALUE}).")
        int clients;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("mlops-bench-serve-");
            Path data = work.resolve("penguins.csv");
            // the demo's data travels in the CLI jar
            try (var in = BenchCommand.class.getResourceAsStream("/demo/datasets/penguins.csv")) {
                Files.copy(in, data);
            }
            ServeBenchmark.run(work, data, seconds, rate, clients, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains an MLP 50-256-256-2 (batch 1024, Adam 1e-3) on synthetic data and prints examples/s"
                    + " (after a warm-up epoch) and hold-out accuracy. tools/bench-train-vs-pytorch.sh runs PyTorch on"
                    + " the same data and prints the ratio.")
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rows", defaultValue = "200000", description = "Rows to generate (default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--epochs", defaultValue = "6", description = "Epochs; the first is not timed (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "mlops-bench-data",
                description = "Where x.f32 and y.u8 are written (and kept for the PyTorch side).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            if (epochs < 2 || rows < 1000) {
                throw new InvalidInputException("--epochs must be >= 2 and --rows >= 1000");
            }
            TrainBenchmark.generate(dataDir, rows, 2026);
            TrainBenchmark.Result r = TrainBenchmark.run(dataDir, epochs, 42);
            spec.commandLine().getOut().printf(Locale.ROOT, "dl4j: %.0f examples/s, accuracy %.4f (%d rows, %d epochs,"
                    + " %s)%n", r.examplesPerSecond(), r.accuracy(), r.rows(), r.epochs(), r.threads());
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Generates a CSV of N rows x 50 columns (40 numeric, 8 categorical, an id and a label), then"
                    + " measures the raw Commons CSV parse rate (every field read), and validation (schema checks,"
                    + " DataSketches profile, row sample) on one thread and on all cores; prints rates, ratios and the"
                    + " peak heap of each phase.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rows", defaultValue = "500000", description = "Rows to generate (default ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--file", paramLabel = "FILE",
                description = "Where the generated CSV goes (kept); default: a temporary file, deleted afterwards.")
        Path file;

        @Option(names = "--repeat", defaultValue = "5", description = "Timed rounds (each runs every phase once);"
                + " the medians count (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--warmup", defaultValue = "2",
                description = "Untimed rounds first, so that the JIT has compiled the hot paths (default ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path csv = file != null ? file : Files.createTempFile("mlops-bench-", ".csv");
            try {
                long started = System.nanoTime();
                generate(csv, rows);
                long bytes = Files.size(csv);
                out.printf(Locale.ROOT, "generated %,d rows x 50 columns, %.1f MB, in %.1f s: %s%n", rows, bytes / 1e6,
                        (System.nanoTime() - started) / 1e9, csv);
                int cores = Runtime.getRuntime().availableProcessors();
                Schema schema = new CsvScanner(MissingValues.DEFAULT, false, cores).scan(csv, SchemaInference::new)
                        .sink().schema();
                List<Phase> phases = measure(List.of(
                        new Timed("raw Commons CSV parse, 1 thread", () -> rawParse(csv)),
                        new Timed("validation, 1 thread", () -> validate(csv, schema, 1)),
                        new Timed("validation, " + cores + " threads", () -> validate(csv, schema, cores))));
                for (Phase p : phases) {
                    out.printf(Locale.ROOT, "%-36s %9.0f rows/s %7.1f MB/s  peak heap %5.0f MB%n", p.name(),
                            rows / p.seconds(), bytes / 1e6 / p.seconds(), p.peakHeap() / 1e6);
                }
                out.printf(Locale.ROOT, "ratio validation 1 thread / raw parse:   %.2f  (rounds %.2f-%.2f; target >= 0.80)%n",
                        phases.get(1).ratio(), phases.get(1).lowestRatio(), phases.get(1).highestRatio());
                out.printf(Locale.ROOT, "ratio validation %d threads / raw parse:  %.2f  (rounds %.2f-%.2f; target >= 1.50 on 2"
                        + " cores)%n", cores, phases.get(2).ratio(), phases.get(2).lowestRatio(), phases.get(2).highestRatio());
                out.printf(Locale.ROOT, "(each ratio: the median over %d rounds of raw parse and validation run back to"
                        + " back, so that the machine's drift between rounds cancels)%n", Math.max(1, repeat));
                out.printf(Locale.ROOT, "max heap (-Xmx): %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
                return 0;
            } finally {
                if (file == null) {
                    Files.deleteIfExists(csv);
                }
            }
        }

        /** A run to time: its name and the work, which returns a checksum. */
        record Timed(String name, LongSupplier run) {
        }

        /**
         * @param seconds the median time of a run
         * @param ratio the median over rounds of (the first phase's time / this phase's time) in the same round
         * @param lowestRatio the spread of those ratios over the rounds, to show how firm the median is
         * @param peakHeap over all runs of the phase
         */
        record Phase(String name, double seconds, double ratio, double lowestRatio, double highestRatio, long peakHeap) {
        }

        /** Where the runs' checksums go, so the JIT cannot drop the work being timed. */
        static volatile long checksum;

        /**
         * {@code warmup} untimed rounds, then {@code repeat} timed rounds; each round runs every
         * phase once, in order, so a ratio compares runs made seconds apart on the same machine state.
         */
        List<Phase> measure(List<Timed> timed) {
            int rounds = Math.max(1, repeat);
            double[][] times = new double[timed.size()][rounds];
            long[] peaks = new long[timed.size()];
            for (int round = -Math.max(1, warmup); round < rounds; round++) {
                for (int p = 0; p < timed.size(); p++) {
                    resetPeaks();
                    long t0 = System.nanoTime();
                    checksum ^= timed.get(p).run().getAsLong();
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    peaks[p] = Math.max(peaks[p], peakHeap());
                    if (round >= 0) {
                        times[p][round] = seconds;
                    }
                }
            }
            List<Phase> phases = new ArrayList<>();
            for (int p = 0; p < timed.size(); p++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = times[0][r] / times[p][r];
                }
                phases.add(new Phase(timed.get(p).name(), median(times[p]), median(ratios),
                        Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow(), peaks[p]));
            }
            return phases;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        static long rawParse(Path csv) {
            long fields = 0;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.builder().setReader(reader)
                         .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
                for (CSVRecord record : parser) {
                    for (int i = 0; i < record.size(); i++) {
                        fields += record.get(i).length();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fields;
        }

        static long validate(Path csv, Schema schema, int threads) {
            RowSample.Shared sample = new RowSample.Shared(RowSample.DEFAULT_SIZE);
            return new CsvScanner(MissingValues.DEFAULT, false, threads)
                    .scan(csv, columns -> new ValidationPass(schema, columns, sample)).rows();
        }

        private static void resetPeaks() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        private static long peakHeap() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        /** Deterministic synthetic data shaped like a real feature table, with a few gaps. */
        static void generate(Path csv, long rows) throws IOException {
            SplittableRandom random = new SplittableRandom(2026);
            String[] colours = {"red", "green", "blue", "amber", "violet", "grey"};
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("id");
                for (int c = 0; c < 40; c++) {
                    header.append(",x").append(c);
                }
                for (int c = 0; c < 8; c++) {
                    header.append(",cat").append(c);
                }
                w.write(header.append(",label\n").toString());
                StringBuilder line = new StringBuilder(512);
                for (long r = 0; r < rows; r++) {
                    line.setLength(0);
                    line.append(r);
                    for (int c = 0; c < 40; c++) {
                        line.append(',');
                        if (random.nextInt(200) == 0) {
                            continue;
                        }
                        if (c % 4 == 0) {
                            line.append(random.nextInt(1000));
                        } else {
                            line.append(Math.round((random.nextDouble() * 200 - 100 + c) * 1e4) / 1e4);
                        }
                    }
                    for (int c = 0; c < 8; c++) {
                        line.append(',').append(colours[(random.nextInt(colours.length) + c) % colours.length]);
                    }
                    line.append(',').append(random.nextInt(3) == 0 ? "yes" : "no").append('\n');
                    w.write(line.toString());
                }
            }
        }
    }
}

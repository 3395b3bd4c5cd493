package io.jenkins.plugins.mlops.report;

import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a step's three outputs: {@code <step>.json}, {@code <step>.html} (plus the shared
 * stylesheet) and {@code <step>-junit.xml}. Each file is written beside its final name and moved
 * into place, so a reader never sees half a file.
 */
public final class StepOutputWriter {
    private StepOutputWriter() {
    }

    public static void write(Path outDir, StepResult result, HtmlReport report) {
        String step = result.getStep();
        try {
            Files.createDirectories(outDir);
            writeStylesheet(outDir);
            if (!result.getChecks().isEmpty()) {
                result.withArtifact(step + "-junit.xml");
                writeAtomically(outDir.resolve(step + "-junit.xml"), junitXml(result));
            }
            result.withArtifact(step + ".html");
            writeAtomically(outDir.resolve(step + ".html"), report.render());
            writeAtomically(outDir.resolve(step + ".json"), Json.JSON.writeValueAsString(result) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + outDir + ": " + e.getMessage(), e);
        }
    }

    public static void writeStylesheet(Path outDir) throws IOException {
        try (InputStream css = StepOutputWriter.class.getResourceAsStream(HtmlReport.STYLESHEET)) {
            String text = new String(Objects.requireNonNull(css, "stylesheet resource").readAllBytes(),
                    StandardCharsets.UTF_8);
            writeAtomically(outDir.resolve(HtmlReport.STYLESHEET), text);
        }
    }

    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, out -> out.write(content));
    }

    /** Writes a file's content as it is made, e.g. row by row. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file beside it, moved into place when the content is
     * complete: a failure half-way leaves the old file (or none), never a half-written one.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            // temporary files are private (0600); reports are read by others, e.g. a web server
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One testcase per check: failures as {@code <failure>}, insufficient data as {@code <skipped>}. */
    static String junitXml(StepResult result) {
        String suite = "mlops." + result.getStep();
        long failures = result.getChecks().stream().filter(c -> c.status() == CheckStatus.FAILED).count();
        long skipped = result.getChecks().stream().filter(c -> c.status() == CheckStatus.INSUFFICIENT_DATA).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", String.valueOf(result.getChecks().size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n");
            for (Check check : result.getChecks()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", suite);
                xml.writeAttribute("name", check.name());
                xml.writeAttribute("time", "0");
                String detail = "measured " + Html.escapeless(check.value()) + (check.threshold() == null ? ""
                        : ", threshold " + check.threshold()) + ": " + check.reason();
                switch (check.status()) {
                    case FAILED -> {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", check.reason());
                        xml.writeAttribute("type", "mlops.CheckFailed");
                        xml.writeCharacters(detail);
                        xml.writeEndElement();
                    }
                    case INSUFFICIENT_DATA -> {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", "insufficient data: " + check.reason());
                        xml.writeEndElement();
                    }
                    default -> {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(check.status() + " — " + detail);
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML for " + suite, e);
        }
        return out + "\n";
    }
}

package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.registry.ModelVersion;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The registry and its audit log under real concurrent processes and kill -9. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryProcessTest {
    private Path model;

    @BeforeAll
    void trainOnce(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("iris.yaml");
        Files.writeString(spec, "task: classification\nlabel: target\nseed: 5\ntraining: {epochs: 2}\n");
        assertThat(CliRun.of("train", "--spec", spec.toString(), "--data", Fixtures.dataset("iris.csv").toString(),
                "--out", dir.resolve("t").toString()).exit()).isIn(0, 1);
        model = dir.resolve("t/model");
    }

    private Process loop(Path home, int n) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RegisterLoop.class.getName(), home.toString(), model.toString(), "m", String.valueOf(n))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void twoProcessesTimesTwentyRegistrationsGiveFortyVersions(@TempDir Path home) throws Exception {
        Process a = loop(home, 20);
        Process b = loop(home, 20);
        assertThat(a.waitFor(3, TimeUnit.MINUTES) && b.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        List<ModelVersion> versions = new Registry(home).versions("m");
        assertThat(versions).extracting(ModelVersion::version)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        AuditLog.Verification audit = new Registry(home).audit().verify();
        assertThat(audit.ok()).as(audit.reason()).isTrue();
        assertThat(audit.entries()).isEqualTo(40);
    }

    @Test
    void killMinus9AtAnyMomentLeavesAReadableRegistry(@TempDir Path home) throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int round = 0; round < 6; round++) {
            Process p = loop(home, 1000);
            Thread.sleep(300 + random.nextInt(900));
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Registry registry = new Registry(home);
            List<ModelVersion> versions = registry.versions("m");
            for (int i = 0; i < versions.size(); i++) {
                assertThat(versions.get(i).version()).isEqualTo(i + 1);
                assertThat(registry.packageDir(versions.get(i))).exists();
            }
        }
        assertThat(new Registry(home).versions("m")).isNotEmpty();
        // a kill may fall between a version's rename and its audit entry: never in the middle of an entry
        AuditLog.Verification audit = new Registry(home).audit().verify();
        assertThat(audit.ok()).as(audit.reason()).isTrue();
    }

    @Test
    void auditVerifyExitsOneWhenAByteChanges(@TempDir Path home) throws Exception {
        assertThat(CliRun.of("registry", "register", "--registry", home.toString(), "--model", model.toString(),
                "--name", "m").exit()).isZero();
        assertThat(CliRun.of("registry", "register", "--registry", home.toString(), "--model", model.toString(),
                "--name", "m").exit()).isZero();
        assertThat(CliRun.of("registry", "promote", "--registry", home.toString(), "m@1", "--alias", "production")
                .exit()).isZero();
        assertThat(CliRun.of("registry", "promote", "--registry", home.toString(), "m@2", "--alias", "production")
                .exit()).isZero();
        CliRun rollback = CliRun.of("registry", "rollback", "--registry", home.toString(), "m", "--alias", "production");
        assertThat(rollback.out()).contains("production -> m@1 (rolled back)");
        assertThat(CliRun.of("registry", "diff", "--registry", home.toString(), "m@1", "m@2").out())
                .contains("data sha256").contains("package digest");
        assertThat(CliRun.of("audit", "verify", "--registry", home.toString()).exit()).isZero();

        Path log = home.resolve(AuditLog.FILE);
        byte[] bytes = Files.readAllBytes(log);
        int third = 0;
        for (int i = 0, lines = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++lines == 2) {
                third = i + 1;
                break;
            }
        }
        bytes[third + 20] ^= 0x01;
        Files.write(log, bytes);
        CliRun verify = CliRun.of("audit", "verify", "--registry", home.toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("audit.log:3: TAMPERED");
        // as the verifyAudit step runs it: the verdict as a result, a failed check naming the line
        Path out = home.resolveSibling("audit-out");
        assertThat(CliRun.of("audit", "verify", "--registry", home.toString(), "--out", out.toString()).exit())
                .isEqualTo(1);
        JsonNode audit = Json.readTree(out.resolve("audit.json"));
        assertThat(audit.path("status").asText()).isEqualTo("FAILED");
        assertThat(audit.path("badLine").asLong()).isEqualTo(3);
        assertThat(audit.path("entries").asLong()).isEqualTo(2);
        assertThat(out.resolve("audit.html")).isRegularFile();
        assertThat(out.resolve("audit-junit.xml")).content().contains("<failure");
    }
}

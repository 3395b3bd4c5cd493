package io.jenkins.plugins.mlops.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.adapter.ModelServerCheck.Kind;
import io.jenkins.plugins.mlops.serving.ModelServer;
import io.jenkins.plugins.mlops.serving.ServerConfig;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** "Test connection" against real model servers, and the rule that keeps the configured token to its server. */
class ModelServerCheckTest {
    private static final String TOKEN = "s3cret-admin-token";

    @Test
    void theRightTokenIsAcceptedAWrongOneRefusedAndNoneOnlyWarns() throws Exception {
        try (ModelServer server = new ModelServer(new ServerConfig("127.0.0.1", 0, TOKEN, null, null, 1000, 10)).start()) {
            ModelServerCheck.Verdict ok = ModelServerCheck.check(server.url() + "/", TOKEN);
            assertThat(ok.kind()).as(ok.message()).isEqualTo(Kind.OK);
            assertThat(ok.message()).isEqualTo("Reached jenkins-mlops 0.1.0; the admin token is accepted");
            ModelServerCheck.Verdict wrong = ModelServerCheck.check(server.url(), "guess");
            assertThat(wrong.kind()).isEqualTo(Kind.ERROR);
            assertThat(wrong.message()).contains("refuses this admin token");
            assertThat(ModelServerCheck.check(server.url(), null).kind()).isEqualTo(Kind.WARNING);
        }
    }

    @Test
    void aServerWithoutAdminApiOrNoServerAtAllIsAnError() throws Exception {
        try (ModelServer open = new ModelServer(new ServerConfig("127.0.0.1", 0, null, null, null, 1000, 10)).start()) {
            ModelServerCheck.Verdict off = ModelServerCheck.check(open.url(), TOKEN);
            assertThat(off.kind()).isEqualTo(Kind.ERROR);
            assertThat(off.message()).contains("admin API is off");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ModelServerCheck.Verdict nobody = ModelServerCheck.check("http://127.0.0.1:" + port, TOKEN);
        assertThat(nobody.kind()).isEqualTo(Kind.ERROR);
        assertThat(nobody.message()).startsWith("Cannot reach http://127.0.0.1:" + port + "/");
        assertThat(ModelServerCheck.check("ftp://models", TOKEN).message()).startsWith("Expected http(s)://HOST:PORT");
    }

    @Test
    void theConfiguredTokenGoesOnlyToTheConfiguredServer() {
        assertThat(ModelServerCheck.sendsConfiguredToken("http://models:8080", null)).isTrue();
        assertThat(ModelServerCheck.sendsConfiguredToken("http://models:8080", " ")).isTrue();
        assertThat(ModelServerCheck.sendsConfiguredToken("http://models:8080/", "http://models:8080")).isTrue();
        assertThat(ModelServerCheck.sendsConfiguredToken("http://models:8080", "http://attacker:8080")).isFalse();
        assertThat(ModelServerCheck.sendsConfiguredToken(null, "http://models:8080")).isFalse();
    }
}

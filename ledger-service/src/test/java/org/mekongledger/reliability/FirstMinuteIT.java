package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mekongledger.support.ApiClient.Response;

/**
 * The packaged service on a machine with no database configured and nothing at the probed port:
 * it starts its own PostgreSQL, keeps what it accepted across a kill -9 and a restart (reusing the
 * server the killed JVM left running), and stops that server when it stops.
 */
class FirstMinuteIT {

    @TempDir
    Path workingDirectory;

    @Test
    void theServiceStartsItsOwnDatabaseKeepsItsDataThroughAKillAndStopsItWithTheService() throws Exception {
        String probe = "--ledger.fallback-database.probe-port=" + closedPort();
        ServiceProcess first = ServiceProcess.startWithoutDatabase("first-minute", workingDirectory, probe);
        Path data = workingDirectory.resolve("ledger-data/postgres");
        long postgres = 0;
        try {
            assertThat(first.logText()).contains("No database URL is configured")
                    .contains("Started an embedded PostgreSQL").contains(data.toString());
            Response employer = first.api().post("/api/v1/employers", ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW,
                    Map.of("employerAccount", "1234567890", "name", "Mahachai Seafood Co., Ltd.", "province", "TH-74"));
            assertThat(employer.status()).as(employer.raw().body()).isEqualTo(201);
            postgres = postmaster(data);

            first.kill();
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).as("postgres outlives a kill -9").contains(true);

            ServiceProcess second = ServiceProcess.startWithoutDatabase("first-minute", workingDirectory, probe);
            assertThat(second.logText()).contains("Reusing an embedded PostgreSQL");
            Response kept = second.api().get("/api/v1/employers/1234567890", ServiceProcess.AUDITOR, ServiceProcess.AUDITOR_PW);
            assertThat(kept.status()).as(kept.raw().body()).isEqualTo(200);
            assertThat(kept.json().path("province").asString()).isEqualTo("TH-74");

            second.stop();
            long stopped = postgres;
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(stopped).map(ProcessHandle::isAlive).orElse(false) == false);
        } finally {
            if (postgres > 0) {
                ProcessHandle.of(postgres).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static long postmaster(Path data) throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        return Long.parseLong(pid.get(0).trim());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void theManifestIsSha256sumFormatSortedByName() throws Exception {
        Files.writeString(dir.resolve("summary-2026-12-01.csv"), "abc");
        Files.writeString(dir.resolve("partner-2026-12-01.csv"), "");
        Files.write(dir.resolve("pain.001.001.09-2026-12-01-SSOBKK1.xml"), Samples.pain001());
        Manifest.write(dir, List.of("summary-2026-12-01.csv", "pain.001.001.09-2026-12-01-SSOBKK1.xml",
                "partner-2026-12-01.csv"), "manifest-2026-12-01.sha256");

        String manifest = Files.readString(dir.resolve("manifest-2026-12-01.sha256"), StandardCharsets.UTF_8);
        assertThat(manifest).isEqualTo(
                Manifest.sha256(dir.resolve("pain.001.001.09-2026-12-01-SSOBKK1.xml")) + "  pain.001.001.09-2026-12-01-SSOBKK1.xml\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  partner-2026-12-01.csv\n"
                        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  summary-2026-12-01.csv\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void sha256sumChecksTheManifest() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x,y\n");
        Files.writeString(dir.resolve("b.xml"), "<a/>");
        Manifest.write(dir, List.of("b.xml", "a.csv"), "manifest.sha256");
        Process check = new ProcessBuilder("sha256sum", "-c", "manifest.sha256").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("a.csv: OK").contains("b.xml: OK");

        Files.writeString(dir.resolve("a.csv"), "x,z\n");
        Process tampered = new ProcessBuilder("sha256sum", "-c", "manifest.sha256").directory(dir.toFile())
                .redirectErrorStream(true).start();
        tampered.getInputStream().readAllBytes();
        assertThat(tampered.waitFor()).isNotZero();
    }

    @Test
    void namesThatAreNotPlainFileNamesOrRepeatedAreRefused() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x");
        assertThatThrownBy(() -> Manifest.write(dir, List.of("../a.csv"), "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Manifest.write(dir, List.of("a\n.csv"), "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Manifest.write(dir, List.of("a.csv", "a.csv"), "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Manifest.write(dir, List.of("a.csv", "m"), "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Manifest.write(dir, List.of("missing.csv"), "m")).isInstanceOf(java.io.IOException.class);
        assertThat(dir.resolve("m")).doesNotExist();
    }
}

package org.mekongledger.settlement.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Iso20022SchemasTest {

    /**
     * Every file the tests validate is checked against these copies; the hashes are the ones
     * ../shared/xsd/README.md records for pain.001.001.09.xsd and pain.002.001.10.xsd, so the copies
     * are byte for byte the official schemas the workspace provides.
     */
    @Test
    void theSchemasOnTheClassPathAreTheOfficialOnesTheReadmeNames() throws Exception {
        String readme = new String(read("/iso20022/README.md"), StandardCharsets.UTF_8);
        String pain001 = sha256(read(Iso20022Schemas.PAIN001_XSD));
        String pain002 = sha256(read(Iso20022Schemas.PAIN002_XSD));
        assertThat(pain001).isEqualTo("de038b373e47b0077b1832ddd81f4b2f1eb25d35721f62da1e38b7f5a09fda24");
        assertThat(pain002).isEqualTo("2f9f8d0e9891fa9f31ccf0576397afe501614384d688ae6e43ba694b3d24b0cf");
        assertThat(readme).contains(pain001).contains(pain002);
    }

    @Test
    void bothSchemasCompileOnceAndAreShared() {
        assertThat(Iso20022Schemas.pain001()).isNotNull().isSameAs(Iso20022Schemas.pain001());
        assertThat(Iso20022Schemas.pain002()).isNotNull().isNotSameAs(Iso20022Schemas.pain001());
    }

    private static byte[] read(String resource) throws Exception {
        try (InputStream in = Iso20022SchemasTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

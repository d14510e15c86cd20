package org.mekongledger.settlement.bankfile;

import org.junit.jupiter.api.Test;

class PeekTest {
    @Test
    void peek() throws Exception {
        byte[] bytes = Samples.pain001();
        System.out.println(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        Iso20022Schemas.validator(Iso20022Schemas.pain001()).validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(bytes)));
    }
}

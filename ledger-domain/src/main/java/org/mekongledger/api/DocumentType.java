package org.mekongledger.api;

/** Identity documents a Mekong migrant may hold over a working life in Thailand. */
public enum DocumentType {
    /** Tor Ror 38/1 card issued to undocumented migrants during registration drives. */
    PINK_CARD,
    /** Certificate of identity or temporary passport after nationality verification. */
    CERTIFICATE_OF_IDENTITY,
    PASSPORT,
    WORK_PERMIT,
    /** Section 64 border pass for seasonal and day work. */
    BORDER_PASS,
    NATIONAL_ID
}

package org.mekongledger.account;

import java.util.Optional;

import org.mekongledger.api.IdentityDocument.DocumentKey;

/**
 * Set-wide rule that one document never belongs to two workers. The register takes part in the
 * transaction that records the event, so a refused claim leaves nothing behind.
 */
public interface DocumentRegister {

    /** Claims the document for the worker; answers the other holder when someone already has it. */
    Optional<String> claim(DocumentKey document, String workerId);
}

package org.mekongledger.api;

import java.time.LocalDate;
import java.util.List;

public record WorkerRegistered(String workerId, String givenName, String familyName, LocalDate dateOfBirth,
                               Sex sex, String nationality, List<IdentityDocument> documents,
                               List<Contact> contacts) {
}

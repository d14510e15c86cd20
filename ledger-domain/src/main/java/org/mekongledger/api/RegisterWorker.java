package org.mekongledger.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterWorker(@TargetAggregateIdentifier String workerId, String givenName, String familyName,
                             LocalDate dateOfBirth, Sex sex, String nationality,
                             List<IdentityDocument> documents, List<Contact> contacts) {
    public RegisterWorker {
        documents = List.copyOf(documents);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}

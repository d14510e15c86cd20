package org.mekongledger.api;

public record EmployerRegistered(String employerAccount, String name) {
}

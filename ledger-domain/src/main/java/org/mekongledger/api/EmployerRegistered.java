package org.mekongledger.api;

/** @param province ISO 3166-2:TH code, or null (not given, or registered before provinces were recorded) */
public record EmployerRegistered(String employerAccount, String name, String province) {
}

package org.mekongledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param province the ISO 3166-2:TH code of the province the employer's workplace is in, or null
 *                 when not given; it decides which contribution version applies where one is
 *                 limited to some provinces
 */
public record RegisterEmployer(@TargetAggregateIdentifier String employerAccount, String name, String province) {

    public RegisterEmployer(String employerAccount, String name) {
        this(employerAccount, name, null);
    }
}

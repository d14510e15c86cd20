package org.mekongledger.api;

/** How a returnee receives a benefit at home. */
public enum PaymentChannel { BANK_ACCOUNT, MOBILE_WALLET, CASH_PICKUP }

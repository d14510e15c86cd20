package org.mekongledger.entitlement;

public enum LifeEventType { INSURED_STATUS_ENDED, PERMANENT_DEPARTURE, RETURNED, DEATH, INVALIDITY }

package org.mekongledger.vocabulary;

public enum LifeEventType { INSURED_STATUS_ENDED, PERMANENT_DEPARTURE, RETURNED, DEATH, INVALIDITY }

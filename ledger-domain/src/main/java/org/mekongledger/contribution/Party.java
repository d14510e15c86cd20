package org.mekongledger.contribution;

public enum Party { EMPLOYEE, EMPLOYER, GOVERNMENT }

package org.mekongledger.vocabulary;

public enum Party { EMPLOYEE, EMPLOYER, GOVERNMENT }

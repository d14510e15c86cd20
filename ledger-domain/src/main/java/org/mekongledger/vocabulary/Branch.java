package org.mekongledger.vocabulary;

public enum Branch { SICKNESS_MATERNITY_INVALIDITY_DEATH, CHILD_ALLOWANCE_OLD_AGE, UNEMPLOYMENT }

package org.mekongledger.api;

public enum Sex { F, M, X }

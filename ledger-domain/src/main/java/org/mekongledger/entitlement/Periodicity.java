package org.mekongledger.entitlement;

/** How often a benefit is paid: a lump sum once, a pension every month. */
public enum Periodicity { ONCE, MONTHLY }

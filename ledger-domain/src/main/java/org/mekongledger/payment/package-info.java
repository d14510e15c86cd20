/**
 * Paying a benefit abroad: the minor units of each currency (ISO 4217) and the conversion of a
 * baht amount at a fund's rate. Pure functions, shared by the service and the settlement batch.
 */
package org.mekongledger.payment;

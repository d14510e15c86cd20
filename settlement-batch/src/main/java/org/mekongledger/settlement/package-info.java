/**
 * Settlement of approved benefits through bank files: ISO 20022 pain.001 out, pain.002 status back,
 * reconciliation with the ledger. A command-line Spring Batch application and a REST client of the
 * ledger service (the service stays the only writer of events).
 */
package org.mekongledger.settlement;

/**
 * Settlement of approved benefits to returnees through bank files (ISO 20022 pain.001 out,
 * pain.002 status back) as Spring Batch jobs. A skeleton until claims and payouts exist: the
 * contribution ledger has to land first.
 */
package org.mekongledger.settlement;

/**
 * The settlement batch's bank formats: ISO 20022 pain.001.001.09 payment files written streaming
 * ({@link org.mekongledger.settlement.bankfile.Pain001Writer}), pain.002.001.10 status reports read
 * after validation against the official schema ({@link org.mekongledger.settlement.bankfile.Pain002Reader})
 * and simulated for tests and demos ({@link org.mekongledger.settlement.bankfile.Pain002Writer}), the
 * partner's and the summary CSV files and the run's sha256sum manifest. The XML classes are generated
 * at build time from the official XSDs ({@code resources/iso20022}) into the sub-packages
 * {@code pain001} and {@code pain002}. Nothing here talks to the ledger or the database.
 */
package org.mekongledger.settlement.bankfile;

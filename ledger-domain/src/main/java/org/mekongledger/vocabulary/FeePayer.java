package org.mekongledger.vocabulary;

/**
 * Who pays a welfare-fund fee. Recorded because fees meant for employers or agencies are often
 * passed on to workers illegally. {@code RECRUITMENT_AGENCY} includes Viet Nam's sending enterprises.
 */
public enum FeePayer { WORKER, EMPLOYER, RECRUITMENT_AGENCY }

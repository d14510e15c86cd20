package org.mekongledger.vocabulary;

/**
 * How far a rule-set version's figures are borne out. An actuary reads a lump sum differently when
 * one of its months rests on a figure nobody has seen in the law.
 */
public enum SourceStatus {
    /** Checked against the law itself: the gazette, the regulation, the issuing office's own text. */
    VERIFIED,
    /** Stated by a secondary source (a law firm, an accounting firm, a news report), not seen in the law. */
    REPORTED,
    /** Not found in any source: the team's best reading, with the assumption stated in words. */
    ASSUMED
}

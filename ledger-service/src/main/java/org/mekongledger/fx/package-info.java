/**
 * Exchange rates the fund pays benefits abroad at: one per day and currency, set by the fund
 * administrator, every replaced rate kept. The settlement batch reads the rate of its run date.
 */
package org.mekongledger.fx;

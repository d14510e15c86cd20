/**
 * What the settlement batch reads and reports over REST: the claims it may pay, the instructions it
 * sent a bank, and what the bank's status report said. Every change is a command on the worker's
 * account (the batch's user named on the event); a request's items are all recorded or none.
 */
package org.mekongledger.settlement;

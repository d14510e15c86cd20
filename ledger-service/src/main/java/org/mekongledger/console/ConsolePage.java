package org.mekongledger.console;

/**
 * A controller of the console's pages (not of the API): its answers, failures included, are pages
 * with the console's header, never problem+json. {@link ConsolePages} applies to these only.
 */
interface ConsolePage {
}

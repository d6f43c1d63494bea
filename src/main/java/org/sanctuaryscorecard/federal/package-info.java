/**
 * Federal law as context: the federal statutes, executive orders, forms and 287(g) agreements of the project's labeled
 * corpus ({@code federal/federal.yaml}), read at start-up and kept in memory, each with its labels and verbatim quotes.
 * They are shown on every jurisdiction's page and in the API, never layered into the effective protection: the federal
 * government cannot commandeer state or local police (Printz v. United States; {@code protection/layering.yaml}).
 * {@link FederalContext} is the public service.
 */
package org.sanctuaryscorecard.federal;
